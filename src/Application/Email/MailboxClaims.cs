using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Moment.Application.Data;

namespace Moment.Application.Email;

/// <summary>
/// Who polls a mailbox over IMAP now: one instance of Moment at a time, for a lease that it renews while it works. An
/// instance that stops (or crashes) holds it no longer than the lease, and another takes over.
/// </summary>
public sealed class MailboxClaim
{
    public const int MailboxMaxLength = 320;

    public const int HolderMaxLength = 100;

    public const int ErrorMaxLength = 2000;

    public string Mailbox { get; set; } = "";

    /// <summary>The instance that holds the mailbox; null when nobody does.</summary>
    public string? Holder { get; set; }

    public DateTimeOffset? HeldUntil { get; set; }

    public DateTimeOffset? LastPolledAt { get; set; }

    /// <summary>Why the last round stopped short (the server did not answer, the password was refused); null when it went well.</summary>
    public string? LastError { get; set; }
}

/// <summary>
/// A message taken in by a mailbox, by its Message-ID: the database refuses the same Message-ID twice for one mailbox,
/// so two deliveries of one message at the same moment (a relay that tries again, IMAP and SMTP both) store it once.
/// </summary>
public sealed class EmailReceipt
{
    public const int MessageIdMaxLength = Domain.Conversations.Conversation.ExternalIdMaxLength;

    public string Mailbox { get; set; } = "";

    public string MessageId { get; set; } = "";

    /// <summary>The message it was stored as; null for one answered without being stored (too large).</summary>
    public long? ConversationMessageId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class MailboxClaimConfiguration : IEntityTypeConfiguration<MailboxClaim>
{
    public void Configure(EntityTypeBuilder<MailboxClaim> builder)
    {
        builder.HasKey(c => c.Mailbox);
        builder.Property(c => c.Mailbox).HasMaxLength(MailboxClaim.MailboxMaxLength);
        builder.Property(c => c.Holder).HasMaxLength(MailboxClaim.HolderMaxLength);
        builder.Property(c => c.LastError).HasMaxLength(MailboxClaim.ErrorMaxLength);
    }
}

internal sealed class EmailReceiptConfiguration : IEntityTypeConfiguration<EmailReceipt>
{
    public void Configure(EntityTypeBuilder<EmailReceipt> builder)
    {
        builder.HasKey(r => new { r.Mailbox, r.MessageId });
        builder.Property(r => r.Mailbox).HasMaxLength(MailboxClaim.MailboxMaxLength);
        builder.Property(r => r.MessageId).HasMaxLength(EmailReceipt.MessageIdMaxLength);
    }
}

/// <summary>
/// Takes, renews and gives back the claim on a mailbox. One conditional update decides it: the row changes only when
/// nobody holds the mailbox, the lease has run out, or the caller holds it already; so of two instances asking at the
/// same moment exactly one gets it, on PostgreSQL and on SQLite alike. A lease rather than a row lock held for the whole
/// round: a round talks to an IMAP server for minutes, and a database transaction should not wait on the network.
/// </summary>
public sealed class MailboxClaims(AppDbContext db, TimeProvider time)
{
    /// <summary>True when <paramref name="holder"/> holds <paramref name="mailbox"/> until now + <paramref name="lease"/>.</summary>
    public async Task<bool> TryHoldAsync(string mailbox, string holder, TimeSpan lease, CancellationToken cancellationToken)
    {
        mailbox = mailbox.Trim().ToLowerInvariant();
        if (!await db.MailboxClaims.AnyAsync(c => c.Mailbox == mailbox, cancellationToken))
        {
            db.MailboxClaims.Add(new MailboxClaim { Mailbox = mailbox });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance added the row at the same moment; the update below decides who holds it.
            }

            db.ChangeTracker.Clear();
        }

        var now = time.GetUtcNow();
        var until = now + lease;
        var held = await db.MailboxClaims
            .Where(c => c.Mailbox == mailbox && (c.Holder == null || c.Holder == holder || c.HeldUntil == null || c.HeldUntil <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Holder, holder).SetProperty(c => c.HeldUntil, until), cancellationToken);
        return held == 1;
    }

    /// <summary>Gives the mailbox back after a round, with what went wrong in it (null: nothing).</summary>
    public async Task ReleaseAsync(string mailbox, string holder, string? error, CancellationToken cancellationToken)
    {
        mailbox = mailbox.Trim().ToLowerInvariant();
        var now = time.GetUtcNow();
        var said = error is { Length: > MailboxClaim.ErrorMaxLength } ? error[..MailboxClaim.ErrorMaxLength] : error;
        await db.MailboxClaims.Where(c => c.Mailbox == mailbox && c.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Holder, (string?)null).SetProperty(c => c.HeldUntil, (DateTimeOffset?)null)
                .SetProperty(c => c.LastPolledAt, now).SetProperty(c => c.LastError, said), cancellationToken);
    }
}
