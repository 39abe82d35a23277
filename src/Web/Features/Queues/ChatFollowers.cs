using Moment.Application.Chat;

namespace Moment.Web.Features.Queues;

/// <summary>
/// The customers connected to this instance and what each was last told. Memory only, and only a cache of what the
/// database says: an instance that restarts loses its connections, the widgets reconnect and follow again, and nobody
/// loses their place. Several tabs of one customer share one entry.
/// </summary>
public sealed class ChatFollowers
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Guid> _contactOf = [];
    private readonly Dictionary<Guid, (HashSet<string> Connections, ChatFollow Last)> _contacts = [];

    public int Count
    {
        get
        {
            lock (_lock)
                return _contactOf.Count;
        }
    }

    public void Follow(string connectionId, ChatFollow follow)
    {
        lock (_lock)
        {
            RemoveLocked(connectionId);
            _contactOf[connectionId] = follow.ContactId;
            // Another tab of the same customer may have fewer messages: what is pushed next starts from the fewest (the
            // widget skips a message it already shows).
            if (_contacts.TryGetValue(follow.ContactId, out var entry))
                _contacts[follow.ContactId] = (entry.Connections, follow with { LastMessageId = Math.Min(entry.Last.LastMessageId, follow.LastMessageId) });
            else
                _contacts[follow.ContactId] = ([], follow);
            _contacts[follow.ContactId].Connections.Add(connectionId);
        }
    }

    public void Unfollow(string connectionId)
    {
        lock (_lock)
            RemoveLocked(connectionId);
    }

    public IReadOnlyList<ChatFollow> Snapshot()
    {
        lock (_lock)
            return [.. _contacts.Values.Select(e => e.Last)];
    }

    public IReadOnlyList<string> ConnectionsOf(Guid contactId)
    {
        lock (_lock)
            return _contacts.TryGetValue(contactId, out var entry) ? [.. entry.Connections] : [];
    }

    /// <summary>Keeps what a customer was told, if they are still here.</summary>
    public void Told(ChatFollow follow)
    {
        lock (_lock)
        {
            if (_contacts.TryGetValue(follow.ContactId, out var entry))
                _contacts[follow.ContactId] = (entry.Connections, Newer(entry.Last, follow));
        }
    }

    /// <summary>What was told is at least as new as what the entry held when the look began.</summary>
    private static ChatFollow Newer(ChatFollow before, ChatFollow now) =>
        now with { LastMessageId = Math.Max(before.LastMessageId, now.LastMessageId) };

    private void RemoveLocked(string connectionId)
    {
        if (!_contactOf.Remove(connectionId, out var contactId) || !_contacts.TryGetValue(contactId, out var entry))
            return;
        entry.Connections.Remove(connectionId);
        if (entry.Connections.Count == 0)
            _contacts.Remove(contactId);
    }
}
