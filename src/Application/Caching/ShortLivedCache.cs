using System.Collections.Concurrent;

namespace Moment.Application.Caching;

/// <summary>
/// Keeps what every request asks the database for and what seldom changes (who a member of staff is, which token is whose)
/// for <see cref="Freshness"/>. A change forgets the entry at once on every instance that hears of it
/// (<see cref="ForgetEverywhere"/>); one that does not (no Redis, or the message was lost) sees the change within
/// <see cref="Freshness"/>. Freshness is judged by <see cref="TimeProvider"/>, so tests can move time.
/// </summary>
/// <remarks>
/// Written here rather than with <c>IMemoryCache</c>, whose clock cannot be a <see cref="TimeProvider"/>.
/// Only a handful of entries per member of staff are ever kept, so the bound is a plain "start over" rather than an LRU.
/// </remarks>
public sealed class ShortLivedCache<TKey, TValue>(TimeProvider time)
    where TKey : notnull
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset StoredAt)> _entries = new();

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && time.GetUtcNow() - entry.StoredAt < Freshness)
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Store(TKey key, TValue value)
    {
        if (_entries.Count >= MaxEntries)
            _entries.Clear();
        _entries[key] = (value, time.GetUtcNow());
    }

    public void Forget(TKey key) => _entries.TryRemove(key, out _);

    public void ForgetWhere(Func<TValue, bool> predicate)
    {
        foreach (var (key, entry) in _entries)
        {
            if (predicate(entry.Value))
                _entries.TryRemove(key, out _);
        }
    }

    public void ForgetAll() => _entries.Clear();
}
