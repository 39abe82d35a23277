namespace Moment.Domain.Staffing;

/// <summary>The cost that leaks from one plan's hang-ups (see <see cref="WhatIfAssumptions"/>): per day, and per year of working days.</summary>
public sealed record LeakedCost(double AbandonedContacts, double RepeatContacts, decimal PerDay)
{
    public decimal PerYear => PerDay * WhatIfAssumptions.WorkingDaysPerYear;
}
