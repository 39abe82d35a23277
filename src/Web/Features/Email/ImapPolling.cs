using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Moment.Application.Email;

namespace Moment.Web.Features.Email;

/// <summary>What one round of polling a mailbox did: whether this instance held it, how many messages it took in, and what stopped it.</summary>
public sealed record ImapRound(bool Held, int Taken, int Left, string? Error);

/// <summary>
/// One round of one IMAP mailbox: claim it (one instance at a time, <see cref="MailboxClaims"/>), read every message in
/// its folder, hand each to <see cref="ReceiveEmail"/>, and move what Moment has to the done folder. A message is moved
/// only after it is stored (or known as a duplicate, noise or too large), so a crash between the two leaves it in the
/// folder, and the next round finds its Message-ID stored and only moves it: nothing is lost and nothing stored twice.
/// What Moment cannot take now (a sender over the limit, a database that fails) stays for a later round.
/// </summary>
internal sealed class PollImapMailbox(IServiceScopeFactory scopes, EmailSettings settings, ILogger<PollImapMailbox> logger)
{
    /// <summary>How long a claim lasts without renewal; renewed before every batch.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private const int BatchSize = 50;

    public async Task<ImapRound> HandleAsync(MailboxSettings mailbox, string holder, CancellationToken cancellationToken)
    {
        if (!await HoldAsync(mailbox, holder, cancellationToken))
            return new ImapRound(false, 0, 0, null);
        int taken = 0, left = 0;
        string? error = null;
        try
        {
            (taken, left) = await ReadAsync(mailbox, holder, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            error = $"{failure.GetType().Name}: {failure.Message}";
            logger.LogWarning(failure, "IMAP mailbox {Mailbox} could not be read", mailbox.Address);
        }
        finally
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MailboxClaims>().ReleaseAsync(mailbox.Address, holder, error, CancellationToken.None);
        }

        return new ImapRound(true, taken, left, error);
    }

    private async Task<bool> HoldAsync(MailboxSettings mailbox, string holder, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailboxClaims>().TryHoldAsync(mailbox.Address, holder, Lease, cancellationToken);
    }

    private async Task<(int Taken, int Left)> ReadAsync(MailboxSettings mailbox, string holder, CancellationToken cancellationToken)
    {
        var imap = mailbox.Imap;
        using var client = new ImapClient();
        var security = Enum.TryParse<SecureSocketOptions>(imap.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await client.ConnectAsync(imap.Host ?? throw new InvalidOperationException("The mailbox has no IMAP host."), imap.Port, security, cancellationToken);
        await client.AuthenticateAsync(imap.UserName ?? mailbox.Address, imap.Password ?? "", cancellationToken);
        var folder = string.Equals(imap.Folder, "INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await client.GetFolderAsync(imap.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var done = await DoneFolderAsync(client, imap.DoneFolder, cancellationToken);

        var waiting = await folder.SearchAsync(SearchQuery.NotDeleted, cancellationToken);
        int taken = 0, left = 0;
        foreach (var batch in waiting.Chunk(BatchSize))
        {
            // The claim is renewed for each batch; an instance that lost it (it was too slow) stops, and the holder goes on.
            if (!await HoldAsync(mailbox, holder, cancellationToken))
                break;
            var handled = new List<UniqueId>();
            var sizes = await folder.FetchAsync(batch, MessageSummaryItems.UniqueId | MessageSummaryItems.Size, cancellationToken);
            foreach (var summary in sizes)
            {
                var outcome = summary.Size > settings.MaxMessageBytes
                    ? await AnswerTooLargeAsync(mailbox, await folder.GetHeadersAsync(summary.UniqueId, cancellationToken), summary.Size ?? 0, cancellationToken)
                    : await ReceiveAsync(mailbox, await ContentOfAsync(folder, summary.UniqueId, cancellationToken), cancellationToken);
                if (outcome == EmailOutcome.Throttled)
                {
                    left++;
                    continue;
                }

                handled.Add(summary.UniqueId);
                taken++;
            }

            if (handled.Count > 0)
                await folder.MoveToAsync(handled, done, cancellationToken);
        }

        await client.DisconnectAsync(true, cancellationToken);
        return (taken, left);
    }

    private async Task<EmailOutcome> ReceiveAsync(MailboxSettings mailbox, byte[] content, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var received = await scope.ServiceProvider.GetRequiredService<ReceiveEmail>().HandleAsync(new ReceiveEmailRequest(mailbox.Address, content), cancellationToken);
        logger.LogInformation("IMAP message to {Mailbox}: {Outcome} {Case}", mailbox.Address, received.Outcome, received.CaseNumber);
        return received.Outcome;
    }

    /// <summary>Only the headers of a message too large to take in are read, to answer its sender how to send it instead.</summary>
    private async Task<EmailOutcome> AnswerTooLargeAsync(MailboxSettings mailbox, MimeKit.HeaderList headers, long size, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var answered = await scope.ServiceProvider.GetRequiredService<AnswerTooLargeEmail>().HandleAsync(mailbox.Address, headers, size, cancellationToken);
        logger.LogInformation("IMAP message to {Mailbox} too large ({Bytes} bytes): {Answer}", mailbox.Address, size, answered);
        return EmailOutcome.TooLarge;
    }

    private static async Task<byte[]> ContentOfAsync(IMailFolder folder, UniqueId uid, CancellationToken cancellationToken)
    {
        await using var stream = await folder.GetStreamAsync(uid, cancellationToken);
        using var content = new MemoryStream();
        await stream.CopyToAsync(content, cancellationToken);
        return content.ToArray();
    }

    private static async Task<IMailFolder> DoneFolderAsync(ImapClient client, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetFolderAsync(name, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(name, isMessageFolder: true, cancellationToken)
                ?? throw new InvalidOperationException($"The IMAP folder {name} could not be created.");
        }
    }
}

/// <summary>
/// Polls every mailbox that has an IMAP account (<c>Email:Mailboxes:n:Imap:Host</c>) every
/// <see cref="EmailSettings.ImapPollInterval"/> of <see cref="TimeProvider"/> time, each in a loop of its own so that a
/// server that hangs holds no other mailbox back. Off for a mailbox without an IMAP host.
/// </summary>
internal sealed class ImapPoller(PollImapMailbox poll, EmailSettings settings, TimeProvider time) : BackgroundService
{
    /// <summary>This instance's name in a mailbox's claim.</summary>
    private readonly string _holder = $"{Environment.MachineName[..Math.Min(Environment.MachineName.Length, 60)]}/{Guid.NewGuid():N}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(settings.Mailboxes.Where(m => !string.IsNullOrEmpty(m.Imap.Host)).Select(m => PollAsync(m, stoppingToken)));

    private async Task PollAsync(MailboxSettings mailbox, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.ImapPollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await poll.HandleAsync(mailbox, _holder, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The claim itself failed (the database did not answer): the next round tries again.
            }
        }
    }
}
