using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Moment.Application.Email;
using Moment.Web.Security;

namespace Moment.Web.Features.Email;

/// <summary>Sends through the configured SMTP server with MailKit (TLS as configured, credentials from configuration).</summary>
internal sealed class MailKitTransport(EmailSettings settings) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var outbound = settings.Outbound;
        if (outbound.Host is not { Length: > 0 } host)
            throw new InvalidOperationException("Email:Outbound:Host is not set; replies stay queued.");
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(outbound.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await client.ConnectAsync(host, outbound.Port, security, cancellationToken);
        if (outbound.UserName is { Length: > 0 } user)
            await client.AuthenticateAsync(user, outbound.Password ?? "", cancellationToken);
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500)
        {
            throw new MailRefusedException($"{(int)refused.StatusCode} {refused.Message}");
        }
        catch (SmtpCommandException deferred)
        {
            // 4xx: try later. The code goes with the words, so that a message that runs out of tries says what the server said.
            throw new MailDeferredException($"{(int)deferred.StatusCode} {deferred.Message}", deferred);
        }

        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>
/// Sends the email outbox every few seconds of <see cref="TimeProvider"/> time when an outbound server is configured. The
/// queue is the database (queued outbound messages), so a restart loses nothing.
/// </summary>
internal sealed class EmailSender(IServiceScopeFactory scopes, EmailSettings settings, PublicAddress publicAddress, TimeProvider time, ILogger<EmailSender> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(settings.Outbound.Host))
            return;
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var round = await scope.ServiceProvider.GetRequiredService<SendQueuedEmail>().HandleAsync(publicAddress.BaseUrl, stoppingToken);
                if (round.Sent + round.Failed + round.Waiting > 0)
                    logger.LogInformation("Email sent {Sent}, failed {Failed}, waiting {Waiting}", round.Sent, round.Failed, round.Waiting);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Sending email failed; trying again in {Interval}", Interval);
            }
        }
    }
}
