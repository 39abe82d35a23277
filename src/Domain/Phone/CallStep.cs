namespace Moment.Domain.Phone;

/// <summary>What happened in a call: the call log the board reads for waits, abandonment and callbacks at the phone door.</summary>
public enum CallStepKind
{
    Entered,
    PressedNine,
    PressedZero,
    PressedOne,

    /// <summary>A key that means nothing at that moment; the caller is told and keeps waiting.</summary>
    PressedOther,
    JoinedLine,
    PositionHeard,
    CallbackAsked,

    /// <summary>The caller hid their number, so no callback could be kept for them.</summary>
    CallbackRefused,
    Answered,
    Bridged,

    /// <summary>Moment asked the provider to call the customer back, when their kept place came up and a person took it.</summary>
    CallbackPlaced,

    /// <summary>The provider could not be asked to put the call through or to place a callback, after its retries.</summary>
    ProviderFailed,
    Abandoned,
    Ended,

    /// <summary>The customer did not answer the callback: it is placed once more.</summary>
    CallbackRetried,

    /// <summary>The customer answered neither callback: the promise is broken and the person free.</summary>
    CallbackMissed,
}

/// <summary>
/// One step of a call, kept once per <see cref="Kind"/> and <see cref="Turn"/>: the turn is the round of the waiting
/// loop (or 0) that the provider's webhook carries, so the same webhook sent again finds its step already taken and
/// changes nothing.
/// </summary>
public sealed class CallStep
{
    public const int DetailMaxLength = 200;

    private CallStep()
    {
    }

    public long Id { get; private set; }

    public Guid CallId { get; private set; }

    public string ProviderCallId { get; private set; } = "";

    public CallStepKind Kind { get; private set; }

    public int Turn { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>What the step was about (the position heard, the key pressed, the agent put through), for the log only.</summary>
    public string? Detail { get; private set; }

    public static CallStep Of(Call call, CallStepKind kind, int turn, string? detail, DateTimeOffset now) => new()
    {
        CallId = call.Id,
        ProviderCallId = call.ProviderCallId,
        Kind = kind,
        Turn = turn,
        At = now,
        Detail = detail is null ? null : detail.Length <= DetailMaxLength ? detail : detail[..DetailMaxLength],
    };
}
