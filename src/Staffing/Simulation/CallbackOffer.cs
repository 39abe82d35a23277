namespace Moment.Staffing.Simulation;

/// <summary>
/// A callback that keeps the caller's place (PRODUCT.md principle 7), as the simulation models it.
/// </summary>
/// <remarks>
/// A caller who arrives to a queue is told a truthful expected wait, estimated as position × AHT ÷ agents on the
/// plan (the mean time for that many of the agents' calls to end; the mean Erlang C wait given the position).
/// If that estimate exceeds <see cref="OfferWhenExpectedWaitExceeds"/>, a callback is offered, and accepted with
/// <see cref="AcceptanceProbability"/>. A caller who accepts hangs up without losing their place: they stop
/// consuming patience (they can no longer abandon) and, when their turn comes, the next free agent calls them back;
/// we assume the call is always picked up and takes an ordinary handle time. Their waiting time is the time from
/// their first call to the callback, and they still count in the queue length.
/// </remarks>
public sealed record CallbackOffer
{
    /// <param name="offerWhenExpectedWaitExceeds">Offer a callback when the announced expected wait is longer than this.</param>
    /// <param name="acceptanceProbability">The share of offered callers who accept, 0 to 1.</param>
    /// <exception cref="StaffingInputException">The threshold is negative or the share is outside [0, 1].</exception>
    public CallbackOffer(TimeSpan offerWhenExpectedWaitExceeds, double acceptanceProbability)
    {
        Require.NotNegative(offerWhenExpectedWaitExceeds, "the expected wait that triggers a callback offer");
        Require.Probability(acceptanceProbability, "the share of callers who accept a callback");
        OfferWhenExpectedWaitExceeds = offerWhenExpectedWaitExceeds;
        AcceptanceProbability = acceptanceProbability;
    }

    /// <summary>The announced expected wait above which a callback is offered.</summary>
    public TimeSpan OfferWhenExpectedWaitExceeds { get; }

    /// <summary>The share of offered callers who accept.</summary>
    public double AcceptanceProbability { get; }
}
