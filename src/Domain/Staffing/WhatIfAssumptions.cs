namespace Moment.Domain.Staffing;

/// <summary>
/// What a staffing what-if assumes besides the forecast and the plans: how patient callers are, what counts as
/// answered in time, what a hang-up costs, and how the simulation is run.
/// </summary>
/// <remarks>
/// The cost that leaks (PRODUCT.md story 4): every caller who hangs up costs <see cref="CostPerAbandonedContact"/>
/// (irritation, lost sales, churn), and <see cref="RepeatContactShare"/> of them call again, each repeat contact
/// costing <see cref="CostPerRepeatContact"/> to handle. Repeat contacts are counted, not fed back into the queue.
/// </remarks>
public sealed record WhatIfAssumptions
{
    public const int WorkingDaysPerYear = 250;
    public const int MaxReplications = 100;

    public WhatIfAssumptions(
        TimeSpan? averagePatience,
        TimeSpan answerWithin,
        decimal costPerAbandonedContact,
        decimal costPerRepeatContact,
        double repeatContactShare,
        int seed = 1,
        int replications = 10)
    {
        if (averagePatience is { } patience && patience <= TimeSpan.Zero)
            throw new DomainRuleException("The callers' average patience must be longer than zero.", "Patience");
        if (answerWithin < TimeSpan.Zero)
            throw new DomainRuleException("The answer-time target cannot be negative.", "AnswerWithin");
        if (costPerAbandonedContact < 0)
            throw new DomainRuleException("The cost of a caller who hangs up cannot be negative.", "CostPerAbandonedContact");
        if (costPerRepeatContact < 0)
            throw new DomainRuleException("The cost of a repeat contact cannot be negative.", "CostPerRepeatContact");
        if (!double.IsFinite(repeatContactShare) || repeatContactShare is < 0 or > 1)
            throw new DomainRuleException("The share of callers who call again must be from 0 % to 100 %.", "RepeatContactShare");
        if (seed < 0)
            throw new DomainRuleException("The seed must be zero or more.", "Seed");
        if (replications is < 1 or > MaxReplications)
            throw new DomainRuleException("The simulation runs from 1 to {0} days.", "Replications", MaxReplications);
        AveragePatience = averagePatience;
        AnswerWithin = answerWithin;
        CostPerAbandonedContact = costPerAbandonedContact;
        CostPerRepeatContact = costPerRepeatContact;
        RepeatContactShare = repeatContactShare;
        Seed = seed;
        Replications = replications;
    }

    /// <summary>The mean of the callers' exponential patience; null if nobody hangs up.</summary>
    public TimeSpan? AveragePatience { get; }

    /// <summary>The answer-time threshold of the service level ("answered within 20 seconds").</summary>
    public TimeSpan AnswerWithin { get; }

    public decimal CostPerAbandonedContact { get; }

    public decimal CostPerRepeatContact { get; }

    /// <summary>The share of callers who hang up and then contact the company again, 0 to 1.</summary>
    public double RepeatContactShare { get; }

    /// <summary>The first seed; day k of the simulation uses seed + k, the same callers under every plan.</summary>
    public int Seed { get; }

    /// <summary>Simulated days averaged for each plan.</summary>
    public int Replications { get; }

    /// <summary>What <paramref name="abandonedContacts"/> hang-ups a day cost.</summary>
    public LeakedCost CostOf(double abandonedContacts)
    {
        var repeats = abandonedContacts * RepeatContactShare;
        var perDay = (decimal)abandonedContacts * CostPerAbandonedContact + (decimal)repeats * CostPerRepeatContact;
        return new LeakedCost(abandonedContacts, repeats, decimal.Round(perDay, 2));
    }
}
