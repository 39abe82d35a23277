namespace Moment.Domain.Phone;

public enum PbxCallState
{
    Ringing,
    Answered,
    Ended,
}

/// <summary>
/// A call on the organisation's own PBX (Asterisk, 3CX, Teams through a connector), as its call events tell it: Moment
/// carries no audio here, it shows the person at the extension that rang who is calling, and keeps the call until they
/// have logged it on a case. The PBX may send an event twice (its webhook retries): every step is idempotent, and a
/// step that comes late (an answer after the hang-up) changes nothing.
/// </summary>
public sealed class PbxCall
{
    public const int CallIdMaxLength = 100;

    /// <summary>A number as the PBX sends it: an E.164 number, a national one, an extension or a SIP address.</summary>
    public const int NumberMaxLength = 100;

    public const int CauseMaxLength = 100;

    private PbxCall()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The PBX's own id of the call: the events of one call share it.</summary>
    public string CallId { get; private set; } = "";

    public CallDirection Direction { get; private set; }

    /// <summary>Who called, as the PBX said it.</summary>
    public string From { get; private set; } = "";

    /// <summary>The number or extension called, as the PBX said it.</summary>
    public string To { get; private set; } = "";

    /// <summary>The customer's side of the call in E.164 (the caller inbound, the called outbound), when it is a phone number.</summary>
    public string? CustomerNumber { get; private set; }

    /// <summary>The extension that rang (inbound) or called (outbound).</summary>
    public string? Extension { get; private set; }

    /// <summary>The member of staff at that extension, when Moment knows one; they see the call on their desk.</summary>
    public Guid? AgentId { get; private set; }

    public PbxCallState State { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Why the call ended, as the PBX said it (normalClearing, busy, cancel, noAnswer …).</summary>
    public string? EndCause { get; private set; }

    /// <summary>The case the call was logged on, once someone has.</summary>
    public string? LoggedOn { get; private set; }

    public int Version { get; private set; }

    public bool Missed => State == PbxCallState.Ended && AnsweredAt is null;

    public TimeSpan? Talked => AnsweredAt is { } answered && EndedAt is { } ended ? ended - answered : null;

    public static PbxCall Ring(
        string callId, CallDirection direction, string from, string to, string? customerNumber, string? extension, Guid? agentId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(callId))
            throw new DomainRuleException("Say which call the event is about (callId).", "CallId");
        return new PbxCall
        {
            Id = Guid.NewGuid(),
            CallId = callId,
            Direction = direction,
            From = from,
            To = to,
            CustomerNumber = customerNumber,
            Extension = extension,
            AgentId = agentId,
            State = PbxCallState.Ringing,
            StartedAt = now,
        };
    }

    /// <summary>Answered, at this extension when the PBX says which (a call to a group is answered by one of its members).</summary>
    public bool Answer(string? extension, Guid? agentId, DateTimeOffset now)
    {
        if (State != PbxCallState.Ringing)
            return false;
        State = PbxCallState.Answered;
        AnsweredAt = now;
        if (extension is not null)
        {
            Extension = extension;
            AgentId = agentId;
        }

        Version++;
        return true;
    }

    public bool HangUp(string? cause, DateTimeOffset now)
    {
        if (State == PbxCallState.Ended)
            return false;
        State = PbxCallState.Ended;
        EndedAt = now;
        EndCause = cause;
        Version++;
        return true;
    }

    public void LogOn(string caseNumber)
    {
        if (LoggedOn is not null)
            throw new DomainRuleException("This call is already logged on {0}.", "Call", LoggedOn);
        LoggedOn = caseNumber;
        Version++;
    }
}
