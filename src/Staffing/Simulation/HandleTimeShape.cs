namespace Moment.Staffing.Simulation;

/// <summary>The family of the handle-time distribution in a simulation.</summary>
public enum HandleTimeShape
{
    /// <summary>Exponential, as Erlang C and Erlang A assume (coefficient of variation 1).</summary>
    Exponential,

    /// <summary>Log-normal, which real handle times resemble (Brown et al. 2005, "Statistical analysis of a telephone call center", JASA 100).</summary>
    LogNormal,
}
