using Microsoft.EntityFrameworkCore;
using Moment.Application.Commitments;
using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

public sealed record PublicEntry(CaseEventKind Kind, DateTimeOffset At, string? Text, CaseEventReason? Reason = null, int? Count = null);

/// <summary>
/// A promise still owed to the customer: who keeps it (first name; the responsible manager by full name, which is never
/// hidden) and by when, on the team's clock. Late when the deadline has passed and the promise is still not kept.
/// </summary>
public sealed record CustomerPromise(Guid Id, CommitmentKind Kind, string What, string KeeperName, DateTimeOffset Deadline, bool Late);

/// <summary>What the customer sees at their link: plain status, who is responsible (first name and team), what was proposed.</summary>
public sealed record CustomerCaseView(
    string Number, string Subject, CaseStatus Status, string OwnerFirstName, string? TeamName,
    string? ProposedResolution, DateTimeOffset? ObjectionDeadline, DateTimeOffset CreatedAt, IReadOnlyList<PublicEntry> Updates,
    IReadOnlyList<CustomerPromise> Promises);

/// <summary>
/// The customer's side of a case, reached with the unguessable token in their link and no sign-in.
/// An unknown token gets the same answer as a wrong one: nothing that tells whether a case exists.
/// </summary>
public sealed class CustomerCase(AppDbContext db, CaseWork work, CommitmentViews promiseViews)
{
    private const string NoSuchCase = "There is no case at this link.";

    public async Task<CustomerCaseView> GetAsync(string token, CancellationToken cancellationToken = default)
    {
        var @case = await db.Cases.AsNoTracking().AsSplitQuery().Include(c => c.Timeline.Where(e => e.IsPublic))
            .Include(c => c.Commitments.Where(p => p.State == CommitmentState.Open || (p.State == CommitmentState.Broken && p.KeptAt == null)))
            .FirstOrDefaultAsync(c => c.CustomerToken == token, cancellationToken)
            ?? throw new NotFoundException(NoSuchCase);
        var owner = await db.Users.AsNoTracking().FirstAsync(u => u.Id == @case.OwnerId, cancellationToken);
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == @case.TeamId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        var promises = await promiseViews.DescribeAsync([.. @case.Commitments.OrderBy(c => c.Deadline)], cancellationToken);
        return new CustomerCaseView(
            @case.Number, @case.Subject, @case.Status, owner.FirstName, team, @case.ProposedResolution, @case.ObjectionDeadline,
            @case.CreatedAt, [.. @case.Timeline.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new PublicEntry(e.Kind, e.At, e.Text, e.Reason, e.Count))],
            [.. promises.Select(p => new CustomerPromise(
                p.Id, p.Kind, p.What, p.Kind == CommitmentKind.ManagerContact ? p.Keeper.Name : FirstName(p.Keeper.Name), p.Deadline, p.State == CommitmentState.Broken))]);
    }

    /// <summary>
    /// The customer's page and its API take the customer's own answers, from their own device. A member of staff who is
    /// signed in (a cookie or an API token) is refused, and told where to record what the customer said, so that an
    /// answer taken on the phone is never shown as the customer's own.
    /// </summary>
    public static void RequireTheCustomer(bool signedInAsStaff)
    {
        if (signedInAsStaff)
            throw new ForbiddenException("You are signed in as staff, and this page is for the customer's own answers. Record what the customer told you on the case page: it is saved with your name.");
    }

    private static string FirstName(string name) => name.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : name;

    /// <summary>"Yes, it is solved."</summary>
    public Task ConfirmAsync(string token, string? comment, CancellationToken cancellationToken = default) =>
        AnswerAsync(token, @case => @case.ConfirmResolution(comment, work.Now), cancellationToken);

    /// <summary>"No, it is not solved": the case reopens with the same owner.</summary>
    public Task ObjectAsync(string token, string? comment, CancellationToken cancellationToken = default) =>
        AnswerAsync(token, @case => @case.ObjectToResolution(comment, work.Now), cancellationToken);

    private async Task AnswerAsync(string token, Action<Case> answer, CancellationToken cancellationToken)
    {
        var number = await db.Cases.Where(c => c.CustomerToken == token).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(NoSuchCase);
        var @case = await work.LoadAsync(number, null, cancellationToken);
        answer(@case);
        await work.SaveAsync(cancellationToken);
    }
}
