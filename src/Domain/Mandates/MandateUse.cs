namespace Moment.Domain.Mandates;

/// <summary>Where a use of the mandate stands.</summary>
public enum MandateUseState
{
    /// <summary>Within the user's own mandate, done at once.</summary>
    Done,

    /// <summary>Within the user's own mandate, to be delivered later: a promise on the case says by when.</summary>
    Promised,

    /// <summary>Above the user's mandate: asked of a named person who has it, a promise on the case with a deadline.</summary>
    Requested,
}

/// <summary>
/// One use of the mandate on a case, written when it happens: what, how much, of which kind, by whom, counted on their
/// team, and the named person asked when it was above their mandate. These rows are what the monthly report reads and
/// what the limits per case and per month count; they are never removed.
/// </summary>
public sealed class MandateUse
{
    public const int WhatMaxLength = 500;

    private MandateUse()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public MandateKind Kind { get; private set; }

    /// <summary>Whole kronor (SEK).</summary>
    public int Amount { get; private set; }

    /// <summary>What is given, as the customer is told it ("a voucher for 300 kr for the next trip").</summary>
    public string What { get; private set; } = "";

    public Guid UsedById { get; private set; }

    /// <summary>The team the use is reported on: the user's when they used it.</summary>
    public Guid? TeamId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public MandateUseState State { get; private set; }

    /// <summary>The named person with the mandate who was asked, for a request.</summary>
    public Guid? AskedId { get; private set; }

    /// <summary>The promise on the case: the later delivery, or the answer to the request.</summary>
    public Guid? CommitmentId { get; private set; }

    /// <summary>Whether it counts against the user's own limits (done or promised within them).</summary>
    public bool CountsAgainstLimits => State is MandateUseState.Done or MandateUseState.Promised;

    public static MandateUse Use(Guid caseId, MandateKind kind, int amount, string? what, Guid usedById, Guid? teamId, DateTimeOffset now) =>
        Create(caseId, kind, amount, what, usedById, teamId, now, MandateUseState.Done, null);

    public static MandateUse Request(Guid caseId, MandateKind kind, int amount, string? what, Guid usedById, Guid? teamId, Guid askedId, DateTimeOffset now) =>
        Create(caseId, kind, amount, what, usedById, teamId, now, MandateUseState.Requested, askedId);

    /// <summary>The promise that says when it is delivered, or when the person asked answers.</summary>
    public void PromisedBy(Guid commitmentId)
    {
        CommitmentId = commitmentId;
        if (State == MandateUseState.Done)
            State = MandateUseState.Promised;
    }

    private static MandateUse Create(Guid caseId, MandateKind kind, int amount, string? what, Guid usedById, Guid? teamId, DateTimeOffset now,
        MandateUseState state, Guid? askedId)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainRuleException("Choose what kind of mandate it is.", "Kind");
        if (amount is <= 0 or > AuthorityLimit.MaxAmount)
            throw new DomainRuleException("The amount is 1 to {0} kronor.", "Amount", AuthorityLimit.MaxAmount);
        return new MandateUse
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            Kind = kind,
            Amount = amount,
            What = Text.Required(what, "What", WhatMaxLength),
            UsedById = usedById,
            TeamId = teamId,
            At = now,
            State = state,
            AskedId = askedId,
        };
    }
}
