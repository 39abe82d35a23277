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
    public async Task HandleAsync(string? token, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        // The customer's own choice: when routing moved the contact on at the same moment (an offer to an agent), the
        // leaving is decided again on the contact as it is now, not refused.
        var (contact, leftTheLine) = await db.RetryAsync(async () =>
        {
            var contact = await tokens.FindAsync(token, cancellationToken);
            var inLine = contact.IsInLine;
            var left = contact.Leave(now);
            await db.SaveChangesAsync(cancellationToken);
            return (contact, inLine && left);
        });
        if (leftTheLine)
            metrics.QueueWaited(contact.QueueId, now - contact.PlaceAt, "left");
        // Everyone behind moves up: they are told at once, not at the next look.
        signal.Poke();
    }
}
