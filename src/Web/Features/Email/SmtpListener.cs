using System.Buffers;
using System.Net;
using MimeKit;
using Moment.Application.Email;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Moment.Web.Features.Email;

/// <summary>
/// Moment's own SMTP listener (<c>Email:Listener:Port</c>; off without one), for an MX or a relay pointed at it. It takes
/// mail only for the configured mailboxes and hands each message to <see cref="ReceiveEmail"/>. What Moment cannot take
/// now (a flood from one sender, a database that does not answer) gets a temporary 451, so the sending server keeps the
/// message and tries again later: nothing is lost.
/// </summary>
internal sealed class SmtpListener(IServiceScopeFactory scopes, EmailSettings settings, SmtpListenerState state, ILogger<SmtpListener> logger) : BackgroundService
{
    private static readonly SmtpResponse TryLater = new((SmtpReplyCode)451, "Try again later");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Listener.Port is not { } port)
            return;
        var options = new SmtpServerOptionsBuilder()
            .ServerName(settings.Listener.ServerName)
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Parse(settings.Listener.Address), port)))
            .MaxMessageSize((int)Math.Min(HardLimit(settings), int.MaxValue))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new PromptEndpoints(state.Started));
        services.Add(new Mailboxes(settings));
        services.Add(new Store(scopes, logger));
        logger.LogInformation("SMTP listener on {Address}:{Port}", settings.Listener.Address, port);
        await new SmtpServer.SmtpServer(options, services).StartAsync(stoppingToken);
    }

    /// <summary>
    /// Up to twice <see cref="EmailSettings.MaxMessageBytes"/> is taken, so that a message a little too large gets a
    /// polite answer that says how to send it (<see cref="AnswerTooLargeEmail"/>) rather than a bounce; bigger is refused.
    /// </summary>
    internal static long HardLimit(EmailSettings settings) => settings.MaxMessageBytes * 2;

    /// <summary>Only mail to a configured mailbox is taken; anything else is refused before its content is sent.</summary>
    private sealed class Mailboxes(EmailSettings settings) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(size <= HardLimit(settings));

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(settings.MailboxOf(to.AsAddress()) is not null);
    }

    private sealed class Store(IServiceScopeFactory scopes, ILogger logger) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var content = buffer.ToArray();
            var answer = SmtpResponse.Ok;
            foreach (var to in transaction.To.Select(t => t.AsAddress()).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    if (content.Length > scope.ServiceProvider.GetRequiredService<EmailSettings>().MaxMessageBytes)
                    {
                        answer = await AnswerTooLargeAsync(scope.ServiceProvider, to, content, cancellationToken);
                        continue;
                    }

                    var received = await scope.ServiceProvider.GetRequiredService<ReceiveEmail>().HandleAsync(new ReceiveEmailRequest(to, content), cancellationToken);
                    logger.LogInformation("SMTP message to {Mailbox}: {Outcome} {Case}", to, received.Outcome, received.CaseNumber);
                    answer = received.Outcome switch
                    {
                        EmailOutcome.Throttled => TryLater,
                        EmailOutcome.TooLarge => SmtpResponse.SizeLimitExceeded,
                        EmailOutcome.UnknownMailbox => SmtpResponse.MailboxNameNotAllowed,
                        EmailOutcome.NewCase or EmailOutcome.JoinedCase or EmailOutcome.ReopenedCase or EmailOutcome.Duplicate or EmailOutcome.Noise or EmailOutcome.Bounced => answer,
                    };
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    logger.LogError(error, "SMTP message to {Mailbox} could not be taken in", to);
                    return TryLater;
                }
            }

            return answer;
        }

        private async Task<SmtpResponse> AnswerTooLargeAsync(IServiceProvider services, string to, byte[] content, CancellationToken cancellationToken)
        {
            HeaderList headers;
            using (var stream = new MemoryStream(content, writable: false))
                headers = await HeaderList.LoadAsync(stream, cancellationToken);
            var answered = await services.GetRequiredService<AnswerTooLargeEmail>().HandleAsync(to, headers, content.Length, cancellationToken);
            logger.LogInformation("SMTP message to {Mailbox} too large ({Bytes} bytes): {Answer}", to, content.Length, answered);
            return answered switch
            {
                TooLargeAnswer.Answered or TooLargeAnswer.AnsweredBefore => SmtpResponse.Ok,
                TooLargeAnswer.NotAnswered => SmtpResponse.SizeLimitExceeded,
            };
        }
    }
}

/// <summary>Whether the SMTP listener has started listening: a test (or a health check) waits for it instead of guessing.</summary>
public sealed class SmtpListenerState
{
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Listening => _listening.Task;

    internal void Started() => _listening.TrySetResult();
}

public static class EmailDoor
{
    /// <summary>The email door's settings from configuration (<c>Email</c>), and the SMTP listener when a port is set.</summary>
    public static IServiceCollection AddEmailDoor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(EmailSettings.Section).Get<EmailSettings>() ?? new EmailSettings());
        services.AddSingleton<SmtpListenerState>();
        services.AddHostedService<SmtpListener>();
        services.AddSingleton<IMailTransport, MailKitTransport>();
        services.AddHostedService<EmailSender>();
        services.AddSingleton<PollImapMailbox>();
        services.AddHostedService<ImapPoller>();
        return services;
    }
}
