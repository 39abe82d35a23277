using Moment.Application.Cases;
using Moment.Application.Staff;

namespace Moment.Application.Commitments;

/// <summary>The follow-up promise as the customer is told it: who will contact them, by when. Not new when one was already open.</summary>
public sealed record ConsentOutcome(CommitmentView FollowUp, bool IsNew);

/// <summary>
/// Story 5's "Yes, please" — followed by silence. Here consent (on the customer's page, or recorded by an agent) is a
/// promise kept by the case owner within two business days of the case's team's calendar, so that silence after it is
/// a broken promise, counted.
/// </summary>
public sealed class GiveConsent(PromiseWork work, PromiseCalendars calendars, CommitmentViews views)
{
    public const int BusinessDaysToFollowUp = 2;

    /// <summary>Recorded by a member of staff ("she said we may call her").</summary>
    public Task<ConsentOutcome> HandleAsync(string number, Actor actor, CancellationToken cancellationToken = default)
    {
        CaseRules.RequireWork(actor);
        return ConsentAsync(number, actor.Id, cancellationToken);
    }

    /// <summary>"Yes, you may contact me" on the customer's page.</summary>
    public async Task<ConsentOutcome> ByCustomerAsync(string token, CancellationToken cancellationToken = default) =>
        await ConsentAsync(await CustomerLinks.NumberAsync(work.Cases.Db, token, cancellationToken), null, cancellationToken);

    private async Task<ConsentOutcome> ConsentAsync(string number, Guid? recordedById, CancellationToken cancellationToken)
    {
        var (followUp, isNew) = await work.OpenOnceAsync(number, async @case =>
            {
                var calendar = await calendars.ForAsync(@case.TeamId, null, cancellationToken);
                return @case.GiveConsent(recordedById, calendar.AddBusinessDays(work.Now, BusinessDaysToFollowUp), work.Now);
            },
            cancellationToken);
        return new ConsentOutcome(await views.DescribeAsync(followUp, cancellationToken), isNew);
    }
}
