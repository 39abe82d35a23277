namespace Moment.Application;

/// <summary>
/// Wakes a background loop of this instance as soon as something it acts on is committed here, instead of at its next
/// poll; what other instances commit is still found by polling. Each loop has its own kind of signal.
/// </summary>
public abstract class Signal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Poke"/>. Take it before looking, so that no poke falls between.</summary>
    public Task NextAsync() => Volatile.Read(ref _next).Task;

    /// <summary>Virtual so that a test can stop an instance right after a commit, as a crash there would.</summary>
    public virtual void Poke() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
