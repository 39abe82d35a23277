namespace Moment.Staffing.Simulation;

/// <summary>
/// A discrete-event simulation of a contact-centre day: what a staffing plan does to waiting times, service level,
/// abandonment and occupancy when the Erlang formulas' steady state does not hold (the forecast and the plan change
/// every interval, handle times are not exponential, callers accept callbacks).
/// </summary>
/// <remarks>
/// <para>The model (every assumption is here):</para>
/// <list type="bullet">
/// <item>Arrivals: a Poisson process whose rate is constant within an interval, contacts ÷ interval length
/// (non-homogeneous across the day). The day closes at the end of the last interval; no contact arrives after.</item>
/// <item>One FIFO queue and interchangeable agents. A contact that finds an idle agent is answered at once.</item>
/// <item>Handle times: exponential or log-normal around the AHT of the contact's arrival interval.</item>
/// <item>Patience: exponential with the given mean, or infinite. A waiting caller whose patience runs out hangs up.</item>
/// <item>Callbacks: see <see cref="CallbackOffer"/>.</item>
/// <item>Plan changes at an interval boundary: when the plan rises, new agents start at once and take queued contacts;
/// when it falls, idle agents leave at once and busy ones finish their current contact first, then leave.</item>
/// <item>After close, the last interval's agents stay until the queue is empty. If that plan is zero, contacts still
/// waiting at close count as abandoned at close.</item>
/// <item>Randomness: xoshiro256** with one stream each for arrivals, handle times, patience and callback answers, all
/// from <see cref="SimulationScenario.Seed"/>; every contact's handle time and patience are drawn when it arrives,
/// so the same seed gives the same callers whatever the plan, and the same day on every run.</item>
/// </list>
/// <para>
/// The engine keeps one pending arrival, one pending boundary and a binary heap of completions and hang-ups; events
/// are plain numbers and contacts live in flat arrays, so a day of a million contacts allocates only those arrays.
/// </para>
/// </remarks>
public static class ContactCentreSimulation
{
    /// <summary>Simulates one day.</summary>
    /// <param name="scenario">The forecast, the plan, caller behaviour and the seed.</param>
    /// <param name="progress">Receives the share of the day simulated so far, 0 to 1, now and then; 1 at the end.</param>
    /// <param name="cancellationToken">Stops a long run.</param>
    /// <exception cref="StaffingInputException">The scenario is inconsistent (plan and forecast of different lengths, negative agents …).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static SimulationResult Run(
        SimulationScenario scenario,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenario.Validate();
        return new SimulationRun(scenario).Run(progress, cancellationToken);
    }
}
