using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Commitments;

public sealed record RequestManagerRequest(string? What);

/// <summary>The request as the customer is told it at once: the manager's full name and the deadline. Not new when one was already open.</summary>
public sealed record ManagerRequestOutcome(CommitmentView Request, bool IsNew)
{
    public string ManagerName => Request.Keeper.Name;

    public DateTimeOffset Deadline => Request.Deadline;
}

/// <summary>
/// Principle 8, the manager takes the call: the customer asks for the responsible manager (on their page, or an agent
/// records it during a call). The request is a promise kept by the case's team's named responsible manager within one
/// business day of that team's calendar. Asking again while one is open answers with the open one.
/// </summary>
public sealed class RequestManager(PromiseWork work, PromiseCalendars calendars, CommitmentViews views)
{
    public const int BusinessDaysToAnswer = 1;

    /// <summary>Recorded by a member of staff on the case.</summary>
    public Task<ManagerRequestOutcome> HandleAsync(string number, RequestManagerRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        // Any case worker records it, as with a contact: the customer asked whoever answered.
        CaseRules.RequireWork(actor);
        return RequestAsync(number, request.What, actor.Id, cancellationToken);
    }

    /// <summary>Asked by the customer at their link.</summary>
    public async Task<ManagerRequestOutcome> ByCustomerAsync(string token, CancellationToken cancellationToken = default) =>
        await RequestAsync(await CustomerLinks.NumberAsync(work.Cases.Db, token, cancellationToken), null, null, cancellationToken);

    private async Task<ManagerRequestOutcome> RequestAsync(string number, string? what, Guid? recordedById, CancellationToken cancellationToken)
    {
        var (request, isNew) = await work.OpenOnceAsync(number, @case => OpenAsync(@case, what, recordedById, cancellationToken), cancellationToken);
        return new ManagerRequestOutcome(await views.DescribeAsync(request, cancellationToken), isNew);
    }

    private async Task<(Commitment Request, bool IsNew)> OpenAsync(Case @case, string? what, Guid? recordedById, CancellationToken cancellationToken)
    {
        var team = await work.Cases.Db.Teams.AsNoTracking().Where(t => t.Id == @case.TeamId)
            .Select(t => new { t.Id, t.Name, t.ResponsibleManagerId })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new ConflictException("Case {0} belongs to no team, so there is no responsible manager to ask. Give the case to a team first.", @case.Number);
        var managerId = team.ResponsibleManagerId
            ?? throw new ConflictException("The {0} team has no responsible manager yet. An administrator names one on the team's page.", team.Name);
        var manager = await work.Cases.Db.Users.AsNoTracking().Where(u => u.Id == managerId).Select(u => new { u.DisplayName, u.IsActive }).FirstAsync(cancellationToken);
        if (!manager.IsActive)
            throw new ConflictException("{0}, the responsible manager of the {1} team, is inactive. An administrator names another on the team's page.", manager.DisplayName, team.Name);

        var calendar = await calendars.ForAsync(team.Id, null, cancellationToken);
        var deadline = calendar.AddBusinessDays(work.Now, BusinessDaysToAnswer);
        return @case.RequestManager(managerId, team.Id, what, recordedById, deadline, work.Now);
    }
}

/// <summary>The customer's link: an unknown token gets the same answer as a wrong one, nothing that tells whether a case exists.</summary>
internal static class CustomerLinks
{
    public static async Task<string> NumberAsync(Data.AppDbContext db, string token, CancellationToken cancellationToken) =>
        await db.Cases.Where(c => c.CustomerToken == token).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("There is no case at this link.");
}
