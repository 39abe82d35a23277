using System.Globalization;

namespace Moment.Staffing;

/// <summary>
/// Thrown by Erlang C when the agents cannot keep up with the offered load (agents ≤ Erlangs):
/// nobody hangs up in that model, so the queue grows without bound and no waiting time exists.
/// Erlang A (with abandonment) or the simulation can still describe such a staffing.
/// </summary>
public sealed class UnstableQueueException : StaffingInputException
{
    public UnstableQueueException(int agents, double offeredLoadErlangs)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"unstable: the queue grows without bound ({agents} agents for an offered load of {offeredLoadErlangs:0.###} Erlangs; Erlang C needs more agents than Erlangs)"))
    {
        Agents = agents;
        OfferedLoadErlangs = offeredLoadErlangs;
    }

    /// <summary>The number of agents that was asked about.</summary>
    public int Agents { get; }

    /// <summary>The offered load, in Erlangs, that those agents cannot carry.</summary>
    public double OfferedLoadErlangs { get; }
}
