namespace Moment.Application.Phone;

/// <summary>Where the provider is to come back to next: a choice at the greeting, the next round of waiting, a choice while waiting.</summary>
public enum CallHook
{
    GreetingChoice,
    Wait,
    WaitChoice,

    /// <summary>The number the caller keyed for their callback (or none: the number they call from).</summary>
    CallbackNumber,
}

/// <summary>
/// The next step of the flow, with its turn: the round of the waiting loop (0 at the greeting). The adapter writes it
/// into the address the provider calls back, so a webhook the provider sends again names the same step.
/// </summary>
public sealed record CallLink(CallHook Hook, int Turn);

/// <summary>
/// What Moment tells the provider to do with a call, in no provider's terms: each adapter renders these (TwiML for
/// Twilio, JSON call actions for 46elks). Nothing here knows a provider.
/// </summary>
public abstract record CallInstruction;

/// <summary>Speak <paramref name="Text"/> in <paramref name="Language"/> ("sv" or "en").</summary>
public sealed record SayText(string Text, string Language) : CallInstruction;

public sealed record PauseFor(TimeSpan Length) : CallInstruction;

/// <summary>
/// Play the prompts while listening for one key; the key (or none, after <paramref name="Timeout"/> from the end of the
/// prompts) goes to <paramref name="Then"/>. Only <see cref="SayText"/> and <see cref="PauseFor"/> are prompts.
/// </summary>
public sealed record GatherDigit(IReadOnlyList<CallInstruction> Prompts, TimeSpan Timeout, CallLink Then) : CallInstruction;

/// <summary>
/// Play the prompts while listening for a number keyed digit by digit and ended with #; the digits (or none, after
/// <paramref name="Timeout"/>) go to <paramref name="Then"/>. Prompts as for <see cref="GatherDigit"/>.
/// </summary>
public sealed record GatherNumber(IReadOnlyList<CallInstruction> Prompts, TimeSpan Timeout, CallLink Then) : CallInstruction;

public sealed record RedirectTo(CallLink To) : CallInstruction;

/// <summary>Put the call through to a person's phone (E.164, or a SIP address).</summary>
public sealed record DialNumber(string Number) : CallInstruction;

public sealed record HangUp : CallInstruction;

/// <summary>The instructions for one webhook, in order; the provider runs them until one moves the call on.</summary>
public sealed record CallAnswer(IReadOnlyList<CallInstruction> Instructions)
{
    public static CallAnswer Of(params CallInstruction[] instructions) => new(instructions);
}

/// <summary>What the provider says happened to a call when it ends (its status callback), in no provider's words.</summary>
public enum CallOutcome
{
    Completed,
    Busy,
    NoAnswer,
    Failed,
    Canceled,
}

/// <summary>One webhook of a call as every provider sends it: its id, the numbers, the key pressed.</summary>
public sealed record CallEvent(string CallId, string? From, string? To, string? Digits = null);
