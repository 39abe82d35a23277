namespace Moment.Domain.Cases;

/// <summary>What was promised. Consent and manager requests are made by Moment itself; the rest by a person.</summary>
public enum CommitmentKind
{
    CallBack,
    GetBackWithInformation,
    SendSomething,
    Compensation,

    /// <summary>The customer said "yes, you may contact me": from then on silence is a broken promise.</summary>
    FollowUpAfterConsent,

    /// <summary>The customer asked for the responsible manager, who must make contact (principle 8).</summary>
    ManagerContact,
    Other,
}

public enum CommitmentState
{
    Open,
    Kept,

    /// <summary>The deadline passed while open. Stays broken even if kept later (then <see cref="Commitment.KeptLate"/>).</summary>
    Broken,

    /// <summary>Taken back, with a reason the customer is told.</summary>
    Withdrawn,
}

/// <summary>
/// A promise to a customer on a case (principle 6): what, made by whom, kept by which named person, by when, how.
/// Open until kept, withdrawn (with a reason for the customer), or broken when the deadline passes. Broken is final:
/// a promise kept after its deadline is recorded as kept late, and still counts as broken.
/// </summary>
public sealed class Commitment
{
    public const int WhatMaxLength = 500;
    public const int ReasonMaxLength = 500;

    private Commitment()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public CommitmentKind Kind { get; private set; }

    /// <summary>In the words the customer was given: "I will call you back before 15:00 tomorrow".</summary>
    public string What { get; private set; } = "";

    /// <summary>Who made the promise; null when the customer asked on their page (consent, manager request).</summary>
    public Guid? MadeById { get; private set; }

    /// <summary>The named person who must keep it.</summary>
    public Guid KeeperId { get; private set; }

    /// <summary>The team it is counted on: the keeper's team when it was made, or when it came to them with a hand-off.</summary>
    public Guid? TeamId { get; private set; }

    /// <summary>How it is to be kept (the door of the promised contact), when that was said.</summary>
    public Door? Channel { get; private set; }

    public DateTimeOffset MadeAt { get; private set; }

    public DateTimeOffset Deadline { get; private set; }

    public CommitmentState State { get; private set; }

    public DateTimeOffset? KeptAt { get; private set; }

    public Guid? KeptById { get; private set; }

    /// <summary>The contact or action that kept it.</summary>
    public string? KeptHow { get; private set; }

    /// <summary>Kept after the deadline had passed; the promise stays broken.</summary>
    public bool KeptLate { get; private set; }

    public DateTimeOffset? BrokenAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public string? WithdrawnReason { get; private set; }

    /// <summary>The keeper who is away while a stand-in keeps this promise for them; null when not covered.</summary>
    public Guid? CoveringForId { get; private set; }

    public bool IsOpen => State == CommitmentState.Open;

    /// <summary>Whether the deadline has passed on an open promise, so that it is now broken.</summary>
    public bool IsDueToBreakAt(DateTimeOffset now) => State == CommitmentState.Open && now >= Deadline;

    internal static Commitment Make(
        Guid caseId, CommitmentKind kind, string? what, Guid? madeById, Guid keeperId, Guid? teamId, DateTimeOffset deadline, Door? channel, DateTimeOffset now)
    {
        if (deadline <= now)
            throw new DomainRuleException("The deadline of a promise must be in the future.", "Deadline");
        return new Commitment
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            Kind = kind,
            What = Text.Optional(what, "What", WhatMaxLength) ?? DefaultWording(kind),
            MadeById = madeById,
            KeeperId = keeperId,
            TeamId = teamId,
            Channel = channel,
            MadeAt = now,
            Deadline = deadline,
            State = CommitmentState.Open,
        };
    }

    internal void Keep(Guid keptById, string how, DateTimeOffset now)
    {
        switch (State)
        {
            case CommitmentState.Open:
                State = CommitmentState.Kept;
                break;
            case CommitmentState.Broken when KeptAt is null:
                KeptLate = true;
                break;
            case CommitmentState.Kept or CommitmentState.Broken:
                throw new ConflictException("That promise has already been kept.");
            case CommitmentState.Withdrawn:
                throw new ConflictException("That promise was withdrawn; it cannot be kept.");
        }

        KeptAt = now;
        KeptById = keptById;
        KeptHow = how;
    }

    internal void Withdraw(string reason, DateTimeOffset now)
    {
        if (State != CommitmentState.Open)
            throw new ConflictException("Only an open promise can be withdrawn.");
        State = CommitmentState.Withdrawn;
        WithdrawnAt = now;
        WithdrawnReason = reason;
    }

    internal void Break()
    {
        State = CommitmentState.Broken;
        BrokenAt = Deadline;
    }

    /// <summary>Broken before its deadline: what was promised can no longer happen in time (a callback nobody answered).</summary>
    internal void BreakNow(DateTimeOffset now)
    {
        State = CommitmentState.Broken;
        BrokenAt = now < Deadline ? now : Deadline;
    }

    internal void HandTo(Guid standInId, Guid awayId)
    {
        KeeperId = standInId;
        CoveringForId = awayId;
    }

    /// <summary>The case was handed off: the receiver keeps this promise now, counted on their team.</summary>
    internal void PassTo(Guid keeperId, Guid? teamId)
    {
        KeeperId = keeperId;
        TeamId = teamId;
        CoveringForId = null;
    }

    internal void HandBack()
    {
        if (CoveringForId is not { } away)
            return;
        KeeperId = away;
        CoveringForId = null;
    }

    private static string DefaultWording(CommitmentKind kind) => kind switch
    {
        CommitmentKind.CallBack => "We will call you back.",
        CommitmentKind.GetBackWithInformation => "We will get back to you with the information.",
        CommitmentKind.SendSomething => "We will send it to you.",
        CommitmentKind.Compensation => "We will compensate you.",
        CommitmentKind.FollowUpAfterConsent => "You said we may contact you: we will.",
        CommitmentKind.ManagerContact => "The responsible manager will contact you.",
        CommitmentKind.Other => throw new DomainRuleException("Say what is promised.", "What"),
    };
}
