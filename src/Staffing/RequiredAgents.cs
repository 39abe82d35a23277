namespace Moment.Staffing;

/// <summary>
/// The smallest number of agents that meets every target given, then the agents to schedule after shrinkage.
/// </summary>
/// <remarks>
/// <para>
/// Every metric improves as agents are added (service level up; wait, speed of answer, abandonment and occupancy
/// down), so "the smallest n meeting every target" is well defined.
/// </para>
/// <para>
/// Erlang C: the search starts at the first stable n = ⌊A⌋ + 1 (or at A ÷ max occupancy if that is higher) and
/// steps up one agent at a time, moving Erlang B along with its recursion, so each step costs O(1); the answer
/// lies within a few √A of A, which keeps 50,000 agents cheap.
/// Erlang A: every n ≥ 1 is stable, so the search brackets the answer around ⌈A⌉ by doubling steps and then bisects.
/// </para>
/// <para>
/// Shrinkage s (0 ≤ s &lt; 1): agents = ⌈raw ÷ (1 − s)⌉, the usual workforce-management convention
/// (e.g. the Call Centre Helper worked Erlang C example: 14 raw agents at 30 % shrinkage schedule as 20).
/// </para>
/// </remarks>
public static class RequiredAgents
{
    /// <summary>The search gives up above this many agents.</summary>
    public const int MaxAgents = 10_000_000;

    /// <summary>Agents needed under Erlang C (nobody hangs up).</summary>
    /// <param name="workload">The contacts and their handle time.</param>
    /// <param name="targets">Service level, maximum occupancy, maximum average speed of answer (maximum abandonment needs Erlang A).</param>
    /// <param name="shrinkage">The share of scheduled time not available for contacts, 0 ≤ s &lt; 1.</param>
    /// <exception cref="StaffingInputException">A maximum abandonment is given, the shrinkage is outside [0, 1), or more than <see cref="MaxAgents"/> agents would be needed.</exception>
    public static StaffingRequirement Find(Workload workload, StaffingTargets targets, double shrinkage = 0)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(targets);
        RequireShrinkage(shrinkage);
        if (targets.MaxAbandonment is not null)
            throw Require.Fail($"a maximum abandonment needs the callers' patience (Erlang A): Erlang C assumes nobody hangs up");

        var load = workload.OfferedLoadErlangs;
        var answerWithin = targets.AnswerWithin;
        if (load == 0)
            return Idle(answerWithin, shrinkage);
        RequireAtMostMaxAgents(load);

        var n = (int)Math.Floor(load) + 1;
        if (targets.MaxOccupancy is { } maxOccupancy)
        {
            // One below the rounded-up bound: A ÷ max may round up past a whole number that in fact meets it.
            n = (int)Math.Max(n, Math.Min(MaxAgents, Math.Ceiling(load / maxOccupancy) - 1));
        }

        var blocking = ErlangB.Blocking(n, load);
        var handleSeconds = workload.AverageHandleTimeSeconds;
        for (; n <= MaxAgents; blocking = ErlangB.Next(blocking, n, load), n++)
        {
            if (n <= load)
                continue;
            var metrics = ErlangC.Metrics(n, load, handleSeconds, answerWithin, blocking);
            if (targets.AreMetBy(metrics))
                return new StaffingRequirement(n, WithShrinkage(n, shrinkage), shrinkage, metrics);
        }
        throw TooMany();
    }

    /// <summary>Agents needed under Erlang A (callers hang up after an exponential patience).</summary>
    /// <param name="workload">The contacts and their handle time.</param>
    /// <param name="averagePatience">The mean patience of a waiting caller.</param>
    /// <param name="targets">Service level, maximum occupancy, maximum abandonment, maximum average speed of answer.</param>
    /// <param name="shrinkage">The share of scheduled time not available for contacts, 0 ≤ s &lt; 1.</param>
    /// <exception cref="StaffingInputException">The patience is not positive, the shrinkage is outside [0, 1), or more than <see cref="MaxAgents"/> agents would be needed.</exception>
    public static StaffingRequirement Find(Workload workload, TimeSpan averagePatience, StaffingTargets targets, double shrinkage = 0)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(targets);
        Require.Positive(averagePatience, "the average patience");
        RequireShrinkage(shrinkage);

        var load = workload.OfferedLoadErlangs;
        var answerWithin = targets.AnswerWithin;
        if (load == 0)
            return Idle(answerWithin, shrinkage);
        RequireAtMostMaxAgents(load);

        var handleSeconds = workload.AverageHandleTimeSeconds;
        var patienceSeconds = averagePatience.TotalSeconds;
        QueueMetrics Evaluate(int n) =>
            ErlangA.Metrics(n, load, handleSeconds, patienceSeconds, answerWithin, ErlangB.Blocking(n, load));

        // Invariant below: `failing` does not meet the targets (0 agents never does), `meeting` does.
        var guess = Math.Max(1, (int)Math.Ceiling(load));
        var best = Evaluate(guess);
        int failing, meeting;
        if (targets.AreMetBy(best))
        {
            meeting = guess;
            failing = 0;
            for (var step = 1; meeting - step >= 1; step *= 2)
            {
                var candidate = Evaluate(meeting - step);
                if (!targets.AreMetBy(candidate))
                {
                    failing = meeting - step;
                    break;
                }
                meeting -= step;
                best = candidate;
            }
        }
        else
        {
            failing = guess;
            for (var step = 1; ; step *= 2)
            {
                if ((long)failing + step > MaxAgents)
                    throw TooMany();
                var candidate = Evaluate(failing + step);
                if (targets.AreMetBy(candidate))
                {
                    meeting = failing + step;
                    best = candidate;
                    break;
                }
                failing += step;
            }
        }

        while (meeting - failing > 1)
        {
            var middle = failing + (meeting - failing) / 2;
            var candidate = Evaluate(middle);
            if (targets.AreMetBy(candidate))
            {
                meeting = middle;
                best = candidate;
            }
            else
            {
                failing = middle;
            }
        }
        return new StaffingRequirement(meeting, WithShrinkage(meeting, shrinkage), shrinkage, best);
    }

    /// <summary>Agents to schedule so that <paramref name="rawAgents"/> are available: ⌈raw ÷ (1 − shrinkage)⌉.</summary>
    /// <exception cref="StaffingInputException">The shrinkage is outside [0, 1) or the raw agents are negative.</exception>
    public static int WithShrinkage(int rawAgents, double shrinkage)
    {
        Require.AtLeast(rawAgents, 0, "the number of agents");
        RequireShrinkage(shrinkage);
        var exact = rawAgents / (1 - shrinkage);
        var nearest = Math.Round(exact);
        // 14 ÷ (1 − 0.3) is 20.000000000000004 in binary floating point; scheduling 21 would be a rounding artefact.
        var scheduled = Math.Abs(exact - nearest) <= 1e-9 * Math.Max(1, exact) ? nearest : Math.Ceiling(exact);
        if (scheduled > int.MaxValue)
            throw TooMany();
        return (int)scheduled;
    }

    private static StaffingRequirement Idle(TimeSpan answerWithin, double shrinkage) =>
        new(0, 0, shrinkage, new QueueMetrics(0, 0, 0, 1, answerWithin, 0, 0, 0, 0));

    private static void RequireShrinkage(double shrinkage)
    {
        if (!double.IsFinite(shrinkage) || shrinkage < 0 || shrinkage >= 1)
            throw Require.Fail($"the shrinkage must be at least 0 % and below 100 % (got {shrinkage * 100:0.###} %)");
    }

    private static void RequireAtMostMaxAgents(double load)
    {
        if (load >= MaxAgents)
            throw TooMany();
    }

    private static StaffingInputException TooMany() =>
        Require.Fail($"no staffing up to {MaxAgents} agents meets these targets");
}
