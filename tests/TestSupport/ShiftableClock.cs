namespace Moment.TestSupport;

/// <summary>
/// Real time that a test can move forward: for browser tests in which days must pass (a promise's deadline) while
/// cookies, Blazor circuits and timers keep running on a clock that ticks.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Shift(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
