namespace Moment.Application.Queues;

/// <summary>
/// Wakes this instance's routing as soon as the line or the agents change here (a customer joins, an agent becomes
/// available, a contact ends), so an offer goes out at once instead of at the next poll.
/// </summary>
public sealed class QueueSignal : Signal;
