using Microsoft.EntityFrameworkCore;
using Moment.Application.Conversations;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Domain.Conversations;

namespace Moment.Application.Cases;

/// <summary>An internal note for colleagues (mentioning some with @handle, who are told), or a public reply the customer sees on their page.</summary>
public sealed record AddCaseNoteRequest(string? Text, bool IsPublic, int? ExpectedVersion);

/// <remarks>
/// A public reply on a case the customer wrote to by email also goes to them by email: it is written as an outbound
/// message in the case's open email thread (the outbox sends it, <c>Email/SendQueuedEmail</c>), in the reply's own
/// transaction, and the timeline entry names that message, so the case page shows whether it was delivered.
/// </remarks>
public sealed class AddCaseNote(CaseWork work, AppDbContext db, WriteMessage writeMessage)
{
    public async Task HandleAsync(string number, AddCaseNoteRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        CaseRules.RequireWork(actor);
        var thread = request.IsPublic ? await EmailThreadOfAsync(number, cancellationToken) : null;
        await using var transaction = thread is null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        (Door, long)? sentBy = null;
        if (thread is { } conversation)
        {
            // Written first, before the case is loaded (the timeline entry names it); a refusal below rolls both back.
            var message = await writeMessage.HandleAsync(conversation, new WriteMessageRequest(ContactDirection.Outbound, request.Text, null), actor, cancellationToken);
            sentBy = (Door.Email, message.Id);
        }

        var @case = await work.LoadAsync(number, request.ExpectedVersion, cancellationToken);
        // An internal note is open to every case worker; a public reply speaks for the case, so it is a change.
        if (request.IsPublic)
            CaseRules.RequireChange(actor, @case);
        var mentioned = request.IsPublic ? [] : await MentionedAsync(request.Text, cancellationToken);
        @case.AddNote(actor.Id, request.Text ?? "", request.IsPublic, sentBy, work.Now, mentioned);
        // Saving the case commits the transaction, the message with it.
        await work.SaveAsync(cancellationToken);
    }

    /// <summary>
    /// The active colleagues an internal note mentions, each by their handle (<see cref="Mentions"/>): a handle that fits
    /// nobody, or more than one, is refused at the text, so that the writer never believes someone was told who was not.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> MentionedAsync(string? text, CancellationToken cancellationToken)
    {
        var handles = Mentions.Handles(text);
        if (handles.Count == 0)
            return [];
        // Staff are few (a note that mentions nobody asks nothing), and a handle is not a column: read them all.
        var candidates = await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        var mentioned = new List<Guid>();
        foreach (var handle in handles)
        {
            var found = candidates.Where(c => c.Email is not null && Mentions.HandleOf(c.Email) == handle).ToList();
            if (found.Count != 1)
            {
                throw found.Count == 0
                    ? new DomainRuleException("Nobody in Moment has the handle @{0}. A colleague's handle is their work email before the @, such as @sara.holm.", "Text", handle)
                    : new DomainRuleException("@{0} is the handle of more than one colleague. Tell them in person, or ask an administrator to tell their email addresses apart.", "Text", handle);
            }

            mentioned.Add(found[0].Id);
        }

        return mentioned;
    }

    /// <summary>The case's open email conversation that came to a mailbox of Moment's (the latest, when there are several).</summary>
    private async Task<Guid?> EmailThreadOfAsync(string number, CancellationToken cancellationToken)
    {
        var normalized = CaseNumbers.Normalize(number);
        var ids = await db.Conversations.AsNoTracking()
            .Where(c => c.Door == Door.Email && c.State == ConversationState.Open && c.DoorData != null
                && db.Cases.Any(k => k.Id == c.CaseId && k.Number == normalized))
            .OrderByDescending(c => c.StartedAt).Select(c => c.Id).Take(1).ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }
}
