using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Queues;
using Moment.Application.Telemetry;

namespace Moment.Application.Chat;

/// <summary>
/// The customer closes the chat. In line without a callback that is an abandoned contact (counted on the wall); with a
/// callback the place stays; with a person the chat ends and the agent is told in their list.
/// </summary>
public sealed class LeaveChat(AppDbContext db, ChatTokens tokens, QueueSignal signal, MomentMetrics metrics, TimeProvider time)
{
    /// <summary>How often leaving is tried afresh when routing changed the contact at the same moment.</summary>
    private const int Attempts = 3;

    public async Task HandleAsync(string? token, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var contact = await tokens.FindAsync(token, cancellationToken);
            var inLine = contact.IsInLine;
            var left = contact.Leave(now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Routing moved the contact on meanwhile (an offer to an agent, say): the customer's leaving still
                // stands, so it is decided again on the contact as it is now, not refused.
                db.ChangeTracker.Clear();
                continue;
            }

            Tell(contact, inLine && left, now);
            return;
        }
    }

    private void Tell(Domain.Queues.WaitingContact contact, bool leftTheLine, DateTimeOffset now)
    {
        if (leftTheLine)
            metrics.QueueWaited(contact.QueueId, now - contact.PlaceAt, "left");
        // Everyone behind moves up: they are told at once, not at the next look.
        signal.Poke();
    }
}
