namespace Moment.Domain.Staffing;

/// <summary>
/// A staffing decision: the plan a manager chose, why, who and when, with the what-if they were shown frozen beside it,
/// so that leadership (and later the board report) can hold the decision against what it predicted.
/// A decision is a record of the past: it is never changed.
/// </summary>
public sealed class StaffingDecision
{
    public const int ReasonMaxLength = 2000;

    private StaffingDecision(Guid id, int chosenPlan, string reason, Guid decidedById, DateTimeOffset decidedAt, WhatIfResult whatIf)
    {
        Id = id;
        ChosenPlan = chosenPlan;
        Reason = reason;
        DecidedById = decidedById;
        DecidedAt = decidedAt;
        WhatIf = whatIf;
    }

    public Guid Id { get; private set; }

    /// <summary>The index of the chosen plan in <see cref="WhatIfResult.Plans"/>.</summary>
    public int ChosenPlan { get; private set; }

    public string Reason { get; private set; }

    public Guid DecidedById { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    /// <summary>The what-if as it was when the decision was made.</summary>
    public WhatIfResult WhatIf { get; private set; }

    public PlanOutcome Chosen => WhatIf.Plans[ChosenPlan];

    public static StaffingDecision Record(WhatIfResult whatIf, int chosenPlan, string reason, Guid decidedById, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(whatIf);
        if (chosenPlan < 0 || chosenPlan >= whatIf.Plans.Count)
            throw new DomainRuleException("Choose one of the plans compared in the what-if.", "ChosenPlan");
        if (decidedById == Guid.Empty)
            throw new DomainRuleException("A decision must name who made it.", "DecidedById");
        return new StaffingDecision(Guid.CreateVersion7(), chosenPlan, Text.Required(reason, "Reason", ReasonMaxLength), decidedById, now, whatIf);
    }
}
