using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Calendar;
using Moment.Domain.Queues;

namespace Moment.Application.Queues;

/// <summary>
/// A queue's day so far (in its team's time zone): contacts offered (entered the line), answered by a person, abandoned,
/// ended by the bot, handed over by the bot and how long after the first message on average; service level = answered within the norm's time ÷ (answered + abandoned); waits p50 and p90 of
/// the answered; honesty = share of answered contacts shown a range whose wait fell inside it (null while none).
/// </summary>
public sealed record QueueDay(
    Guid QueueId, DateOnly Day, int Offered, int Answered, int Abandoned, int EndedByBot, int HandedOverByBot, TimeSpan? BotHandOverAverage, int CallbacksWaiting,
    double? ServiceLevel, double NormShare, int NormSeconds, TimeSpan? WaitP50, TimeSpan? WaitP90, double? Honesty, int HonestyCounted);

public sealed class QueueToday(AppDbContext db, TimeProvider time)
{
    public async Task<QueueDay> HandleAsync(Guid queueId, CancellationToken cancellationToken = default)
    {
        var queue = await db.Queues.AsNoTracking().FirstOrDefaultAsync(q => q.Id == queueId, cancellationToken)
            ?? throw new NotFoundException("There is no such queue.");
        var zone = BusinessCalendar.ZoneOf(await db.Teams.AsNoTracking().Where(t => t.Id == queue.TeamId).Select(t => t.Calendar).FirstAsync(cancellationToken));
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        // In UTC: PostgreSQL's timestamptz takes no other offset.
        var midnight = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(today.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
        var contacts = await db.WaitingContacts.AsNoTracking()
            .Where(c => c.QueueId == queueId && c.PlaceAt >= midnight)
            .ToListAsync(cancellationToken);
        var answered = contacts.Where(c => c.AnsweredAt is not null).ToList();
        var handedOver = contacts.Where(c => c.HandedOverAt is not null).ToList();
        var abandoned = contacts.Count(c => c.State == ContactState.Abandoned);
        var waits = answered.Select(c => c.Waited!.Value).Order().ToList();
        var withinNorm = waits.Count(w => w <= queue.NormWithin);
        var promised = answered.Where(c => c.KeptToRange is not null).ToList();
        var honest = promised.Count(c => c.KeptToRange == true);
        return new QueueDay(
            queueId, today, contacts.Count(c => c.State != ContactState.WithBot && c.State != ContactState.EndedByBot), answered.Count, abandoned,
            contacts.Count(c => c.State == ContactState.EndedByBot), handedOver.Count,
            handedOver.Count == 0 ? null : TimeSpan.FromSeconds(handedOver.Average(c => (c.HandedOverAt!.Value - c.PlaceAt).TotalSeconds)),
            contacts.Count(c => c.Callback is not null && c.IsInLine),
            answered.Count + abandoned == 0 ? null : (double)withinNorm / (answered.Count + abandoned), queue.NormShare, (int)queue.NormWithin.TotalSeconds,
            Percentile(waits, 0.5), Percentile(waits, 0.9), promised.Count == 0 ? null : (double)honest / promised.Count, promised.Count);
    }

    /// <summary>The nearest-rank percentile: a wait some contact really had, not an interpolation between two.</summary>
    private static TimeSpan? Percentile(IReadOnlyList<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
