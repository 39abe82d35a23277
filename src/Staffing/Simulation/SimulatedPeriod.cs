namespace Moment.Staffing.Simulation;

/// <summary>
/// What happened in one interval of a simulated day, or in the whole day.
/// </summary>
/// <remarks>
/// Contacts belong to the interval they arrived in (so a contact that arrives at 09:59 and is answered at 10:03
/// counts in 09:30–10:00), the contact-centre reporting convention. Time-based figures (occupancy, staffed agents,
/// queue length) are measured within the period itself. An interval without contacts reports a service level of 1
/// and an abandonment rate of 0.
/// </remarks>
/// <param name="Start">The period's start, from the start of the day.</param>
/// <param name="Length">The period's length.</param>
/// <param name="Offered">Contacts that arrived.</param>
/// <param name="Answered">Of those, contacts answered by an agent (callbacks included).</param>
/// <param name="AnsweredWithinTarget">Of those, contacts answered within the scenario's answer-time target.</param>
/// <param name="Abandoned">Of those, contacts that hung up before an answer (or were still waiting when the day closed with nobody staffed).</param>
/// <param name="CallbacksAccepted">Of those, contacts that accepted a callback.</param>
/// <param name="ServiceLevel">AnsweredWithinTarget ÷ Offered: hang-ups count as not answered.</param>
/// <param name="AbandonmentRate">Abandoned ÷ Offered.</param>
/// <param name="Occupancy">Agent time on contacts ÷ agent time staffed (0 when nobody was staffed).</param>
/// <param name="AverageStaffedAgents">Agent time staffed ÷ period length; above the plan while leaving agents finish their calls.</param>
/// <param name="AverageQueueLength">The time-average number of contacts waiting (callbacks included).</param>
/// <param name="LongestQueue">The most contacts waiting at once (callbacks included).</param>
/// <param name="Waits">Waiting-time average and percentiles of the contacts that arrived in the period.</param>
public sealed record SimulatedPeriod(
    TimeSpan Start,
    TimeSpan Length,
    int Offered,
    int Answered,
    int AnsweredWithinTarget,
    int Abandoned,
    int CallbacksAccepted,
    double ServiceLevel,
    double AbandonmentRate,
    double Occupancy,
    double AverageStaffedAgents,
    double AverageQueueLength,
    int LongestQueue,
    WaitingTimes Waits);
