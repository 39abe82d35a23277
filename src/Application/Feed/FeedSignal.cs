namespace Moment.Application.Feed;

/// <summary>
/// Wakes this instance's feed subscribers as soon as a change is committed here, so that news of it goes out at once
/// instead of at the next poll. Changes committed by other instances are found by polling.
/// </summary>
public class FeedSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Poke"/>. Take it before looking at the feed, so that no poke falls between.</summary>
    public Task NextAsync() => Volatile.Read(ref _next).Task;

    /// <summary>Virtual so that a test can stop an instance right after a commit, as a crash there would.</summary>
    public virtual void Poke() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
