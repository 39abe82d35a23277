using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Queues;
using Moment.Application.Staff;
using Moment.Domain.Calendar;
using Moment.Domain.Cases;
using Moment.Domain.Queues;

namespace Moment.Application.Chat;

/// <summary>One message as the customer sees it: who wrote it in their words (you, the bot, or the person by first name).</summary>
public sealed record ChatLine(long Id, DateTimeOffset At, ChatAuthor Author, string? AuthorName, string Text);

public enum ChatAuthor
{
    Customer,
    Moment,
    Person,
}

/// <summary>
/// Where the customer stands: in line (position and a range of minutes, null while nobody serves), with the bot, with a
/// person (their first name), or done; whether the team is open now and when it opens next; the callback asked for.
/// </summary>
public sealed record ChatStanding(
    Guid ContactId, ContactState State, int? Position, TimeSpan? WaitFrom, TimeSpan? WaitTo, bool Open, DateTimeOffset? OpensAt,
    CallbackWay? Callback, string? CallbackNumber, string? AgentName, string Language, IReadOnlyList<ChatLine> Messages);

/// <summary>The customer's view of their chat, read by their token; every first range shown is recorded for honesty.</summary>
public sealed class ReadChat(AppDbContext db, ChatTokens tokens, QueueLines lines, TimeProvider time)
{
    public async Task<ChatStanding> HandleAsync(string? token, long? afterMessage, CancellationToken cancellationToken = default)
    {
        var contact = await tokens.FindAsync(token, cancellationToken);
        return await StandingAsync(contact, afterMessage, cancellationToken);
    }

    internal async Task<ChatStanding> StandingAsync(WaitingContact contact, long? afterMessage, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var place = await lines.PlaceOfAsync(contact, cancellationToken);
        if (place is { From: { } from, To: { } to } && contact.PromisedAt is null)
        {
            contact.Shown(from, to, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Routing moved the contact on meanwhile (an offer): the range is recorded at the next look, if still in line.
                db.ChangeTracker.Clear();
            }
        }

        var settings = await db.Queues.AsNoTracking().Where(q => q.Id == contact.QueueId)
            .Join(db.Teams, q => q.TeamId, t => t.Id, (q, t) => t.Calendar).FirstAsync(cancellationToken);
        var calendar = new BusinessCalendar(settings);
        var open = calendar.IsOpen(now);
        var agent = contact.AnsweredById is { } agentId
            ? await db.Users.AsNoTracking().Where(u => u.Id == agentId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var messages = contact.ConversationId is { } conversationId
            ? await db.ConversationMessages.AsNoTracking()
                .Where(m => m.ConversationId == conversationId && (afterMessage == null || m.Id > afterMessage))
                .OrderBy(m => m.Id).Select(m => new { m.Id, m.At, m.Direction, m.AuthorId, m.Text })
                .ToListAsync(cancellationToken)
            : [];
        var authorIds = messages.Select(m => m.AuthorId).OfType<Guid>().Distinct().ToList();
        var names = authorIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new ChatStanding(
            contact.Id, contact.State, place?.Position, place?.From, place?.To, open, open ? null : calendar.NextOpening(now),
            contact.Callback, contact.CallbackNumber, agent is null ? null : StaffUser.FirstNameOf(agent), contact.Language,
            [.. messages.Select(m => new ChatLine(
                m.Id, m.At,
                m.Direction == ContactDirection.Inbound ? ChatAuthor.Customer : m.AuthorId is null ? ChatAuthor.Moment : ChatAuthor.Person,
                m.AuthorId is { } author && names.GetValueOrDefault(author) is { } name ? StaffUser.FirstNameOf(name) : null,
                m.Text))]);
    }
}
