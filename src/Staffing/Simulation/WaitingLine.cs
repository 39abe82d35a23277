namespace Moment.Staffing.Simulation;

/// <summary>
/// The FIFO line of waiting contacts: a growable ring buffer of structs, so queueing allocates nothing per contact.
/// Contacts that hung up stay in it until they reach the front and are skipped there.
/// </summary>
internal sealed class WaitingLine(int capacity)
{
    private Entry[] entries = new Entry[Math.Max(16, capacity)];
    private int head;

    public int Count { get; private set; }

    public void Enqueue(int contact, double handleSeconds)
    {
        if (Count == entries.Length)
            Grow();
        entries[(head + Count) % entries.Length] = new Entry(contact, handleSeconds);
        Count++;
    }

    public (int Contact, double HandleSeconds) Dequeue()
    {
        var entry = entries[head];
        head = (head + 1) % entries.Length;
        Count--;
        return (entry.Contact, entry.HandleSeconds);
    }

    private void Grow()
    {
        var larger = new Entry[entries.Length * 2];
        for (var i = 0; i < Count; i++)
            larger[i] = entries[(head + i) % entries.Length];
        entries = larger;
        head = 0;
    }

    private readonly record struct Entry(int Contact, double HandleSeconds);
}
