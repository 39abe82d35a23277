namespace Moment.Staffing;

/// <summary>
/// The steady-state performance of one queue with a given number of agents, as Erlang C or Erlang A predicts it.
/// Probabilities and shares are fractions between 0 and 1; times are in seconds.
/// </summary>
/// <param name="Agents">n, the agents taking contacts.</param>
/// <param name="OfferedLoadErlangs">A = λ · AHT, in Erlangs.</param>
/// <param name="WaitProbability">P(an arriving contact finds every agent busy), by PASTA also the share of time all are busy.</param>
/// <param name="ServiceLevel">P(answered within <paramref name="AnswerWithin"/>) over all arrivals; abandoned contacts count as not answered.</param>
/// <param name="AnswerWithin">The answer-time threshold t the service level refers to.</param>
/// <param name="AverageSpeedOfAnswerSeconds">E[time in queue] over all arrivals, in seconds (for Erlang A: until answer or hang-up).</param>
/// <param name="Occupancy">Share of the agents' time spent handling contacts: carried load ÷ n.</param>
/// <param name="AbandonmentProbability">P(a contact hangs up before an answer); always 0 in Erlang C.</param>
/// <param name="AverageQueueLength">E[contacts waiting], time average; by Little's law λ × average speed of answer.</param>
public sealed record QueueMetrics(
    int Agents,
    double OfferedLoadErlangs,
    double WaitProbability,
    double ServiceLevel,
    TimeSpan AnswerWithin,
    double AverageSpeedOfAnswerSeconds,
    double Occupancy,
    double AbandonmentProbability,
    double AverageQueueLength);
