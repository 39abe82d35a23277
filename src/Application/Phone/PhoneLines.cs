using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;

namespace Moment.Application.Phone;

/// <summary>
/// The phone door's settings (<c>Phone</c> in configuration): which queue each number Moment answers leads to
/// (<c>Phone:Lines:{number}</c>, a queue's id or name, the number in any notation), the queue for any other number
/// (<c>Phone:DefaultQueue</c>), how often a waiting caller hears their place (<c>Phone:AnnounceEverySeconds</c>, 60), and
/// the number a callback is placed from (<c>Phone:CallbackFrom</c>).
/// </summary>
public sealed class PhoneSettings
{
    public const string Section = "Phone";

    public Dictionary<string, string> Lines { get; init; } = [];

    public string? DefaultQueue { get; init; }

    public int AnnounceEverySeconds { get; init; } = 60;

    public string? CallbackFrom { get; init; }

    public TimeSpan AnnounceEvery => TimeSpan.FromSeconds(Math.Clamp(AnnounceEverySeconds, 10, 600));
}

/// <summary>Finds the queue of the number called: its own line, else the default queue, else the only queue there is.</summary>
public sealed class PhoneLines(AppDbContext db, PhoneSettings settings)
{
    public async Task<Guid?> QueueOfAsync(string? calledNumber, CancellationToken cancellationToken)
    {
        var called = Customers.PhoneNumbers.TryNormalize(calledNumber);
        var named = settings.Lines.FirstOrDefault(line => called is not null && Customers.PhoneNumbers.TryNormalize(line.Key) == called).Value
            ?? settings.DefaultQueue;
        if (named is not null)
            return await FindAsync(named, cancellationToken);
        var queues = await db.Queues.AsNoTracking().Select(q => q.Id).OrderBy(id => id).Take(2).ToListAsync(cancellationToken);
        // With several queues and no setting there is no honest guess: the caller is told the line is not open.
        return queues.Count == 1 ? queues[0] : null;
    }

    private async Task<Guid?> FindAsync(string idOrName, CancellationToken cancellationToken) =>
        Guid.TryParse(idOrName, out var id)
            ? await db.Queues.AsNoTracking().Where(q => q.Id == id).Select(q => (Guid?)q.Id).FirstOrDefaultAsync(cancellationToken)
            : await db.Queues.AsNoTracking().Where(q => q.Name == idOrName).Select(q => (Guid?)q.Id).FirstOrDefaultAsync(cancellationToken);
}
