namespace Moment.Domain.Phone;

/// <summary>Which way a call goes: a customer calling in, or Moment calling a customer back.</summary>
public enum CallDirection
{
    Inbound,

    /// <summary>To the customer: a callback when their kept place came up, or a call made from an extension on the PBX.</summary>
    Outbound,
}

/// <summary>Where a call stands in the phone door's flow.</summary>
public enum CallState
{
    /// <summary>Hearing the greeting; not yet in the line.</summary>
    Greeting,

    /// <summary>In the queue's line, hearing its place and range of wait.</summary>
    Waiting,

    /// <summary>Asked to be called back and was told to hang up: the place is kept by the contact.</summary>
    CallbackAsked,

    /// <summary>A person took it and the call is being put through to them (or a callback is being placed).</summary>
    Bridging,

    Ended,
}

/// <summary>
/// One phone call through a telephony provider: the provider's own id for it, who called which number, and the contact it
/// became in a queue's line. The steps of the call are kept beside it (<see cref="CallStep"/>), each once, so that a
/// provider that sends a webhook twice neither puts the caller in line twice nor loses their place.
/// </summary>
public sealed class Call
{
    /// <summary>A provider's call id (Twilio's CallSid is 34 characters) is never longer than this.</summary>
    public const int ProviderCallIdMaxLength = 64;

    /// <summary>A number as the provider sends it: E.164, or a word such as "anonymous" for a hidden number.</summary>
    public const int NumberMaxLength = 40;

    public const int FailureMaxLength = 500;

    private Call()
    {
    }

    public Guid Id { get; private set; }

    public string ProviderCallId { get; private set; } = "";

    public CallDirection Direction { get; private set; }

    public CallState State { get; private set; }

    /// <summary>The caller's number as the provider gave it (for a callback: Moment's number).</summary>
    public string From { get; private set; } = "";

    /// <summary>The number called (for a callback: the customer's).</summary>
    public string To { get; private set; } = "";

    /// <summary>"sv" or "en": Swedish until the caller presses 9 at the greeting.</summary>
    public string Language { get; private set; } = "sv";

    public Guid? QueueId { get; private set; }

    /// <summary>The caller's place in the line once they joined it; a callback's, for an outbound call.</summary>
    public Guid? ContactId { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The last time the provider refused or could not be reached, said on the desk; null once it worked.</summary>
    public string? Failure { get; private set; }

    public int Version { get; private set; }

    public bool HasEnded => State == CallState.Ended;

    public static Call Inbound(string providerCallId, string? from, string? to, Guid queueId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        ProviderCallId = Text.Required(providerCallId, "CallId", ProviderCallIdMaxLength),
        Direction = CallDirection.Inbound,
        State = CallState.Greeting,
        From = Text.Optional(from, "From", NumberMaxLength) ?? "",
        To = Text.Optional(to, "To", NumberMaxLength) ?? "",
        QueueId = queueId,
        StartedAt = now,
    };

    /// <summary>A callback Moment placed to <paramref name="customerNumber"/> for the waiting contact whose place came up.</summary>
    public static Call Outbound(string providerCallId, string from, string customerNumber, Guid queueId, Guid contactId, string language, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        ProviderCallId = Text.Required(providerCallId, "CallId", ProviderCallIdMaxLength),
        Direction = CallDirection.Outbound,
        State = CallState.Bridging,
        From = Text.Optional(from, "From", NumberMaxLength) ?? "",
        To = Text.Required(customerNumber, "To", NumberMaxLength),
        QueueId = queueId,
        ContactId = contactId,
        Language = language,
        StartedAt = now,
    };

    public void SpeakEnglish()
    {
        if (Language == "en")
            return;
        Language = "en";
        Version++;
    }

    /// <summary>The caller is in the line: their place is the contact's, from the moment they called.</summary>
    public void Joined(Guid contactId)
    {
        if (ContactId is not null || HasEnded)
            return;
        ContactId = contactId;
        State = CallState.Waiting;
        Version++;
    }

    public void CallbackAsked()
    {
        if (HasEnded)
            return;
        State = CallState.CallbackAsked;
        Version++;
    }

    public void Bridging()
    {
        if (HasEnded)
            return;
        State = CallState.Bridging;
        Failure = null;
        Version++;
    }

    public void Failed(string failure)
    {
        Failure = failure.Length <= FailureMaxLength ? failure : failure[..FailureMaxLength];
        Version++;
    }

    public void End(DateTimeOffset now)
    {
        if (HasEnded)
            return;
        State = CallState.Ended;
        EndedAt = now;
        Version++;
    }
}
