using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Email;
using Moment.Application.Staff;

namespace Moment.Application.Conversations;

/// <summary>A file of a message, to download: its name and type as the sender gave them, and its bytes.</summary>
public sealed record AttachmentFile(string FileName, string ContentType, long Length, Stream Content);

/// <summary>
/// Opens a message's file for those who serve customers (as the conversations themselves). The bytes come from the
/// attachment store by the key the database keeps; a row whose file is gone is not found.
/// </summary>
public sealed class OpenAttachment(AppDbContext db, IAttachmentStore store)
{
    public async Task<AttachmentFile> HandleAsync(long attachmentId, Actor actor, CancellationToken cancellationToken = default)
    {
        ListConversations.RequireServing(actor);
        var attachment = await db.ConversationMessages.AsNoTracking().SelectMany(m => m.Attachments).Where(a => a.Id == attachmentId)
            .Select(a => new { a.FileName, a.ContentType, a.Length, a.StorageKey }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("There is no such attachment.");
        var content = store.Open(attachment.StorageKey) ?? throw new NotFoundException("There is no such attachment.");
        return new AttachmentFile(attachment.FileName, attachment.ContentType, attachment.Length, content);
    }

    /// <summary>
    /// An HTML file of a message (the email's own HTML body, kept sanitised when it came in), to show as the sender
    /// formatted it. Sanitised again on the way out, whatever the file: a customer's attachment may carry the same name.
    /// </summary>
    public async Task<string> FormattedAsync(long attachmentId, Actor actor, CancellationToken cancellationToken = default)
    {
        var file = await HandleAsync(attachmentId, actor, cancellationToken);
        await using var content = file.Content;
        if (!file.ContentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
            throw new NotFoundException("This file is not a formatted message.");
        using var reader = new StreamReader(content);
        return MailReading.Sanitized(await reader.ReadToEndAsync(cancellationToken));
    }
}
