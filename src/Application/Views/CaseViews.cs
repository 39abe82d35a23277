using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Commitments;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Views;

/// <summary>The desk's built-in views, each from the reader's side.</summary>
public enum CaseView
{
    /// <summary>Cases I own that are not resolved (open, or waiting for the customer's answer).</summary>
    MyOpen,

    /// <summary>My team's cases that are not resolved.</summary>
    MyTeam,

    /// <summary>Cases I own whose resolution waits for the customer's answer.</summary>
    WaitingForCustomer,

    /// <summary>Cases with a promise I keep that is still owed and falls due today (by my team's calendar), or is already overdue.</summary>
    PromisesDueToday,

    /// <summary>Cases offered to my team rather than to a person, waiting for someone to take them.</summary>
    TeamOffers,

    /// <summary>My team's (or my own) unresolved cases that bounced enough to go to a team lead.</summary>
    Escalated,
}

/// <summary>The order of a view: by last change or by age, either way. Ties fall back to the case's id, so every page ends on one case.</summary>
public enum ViewSort
{
    UpdatedNewest,
    UpdatedOldest,
    CreatedNewest,
    CreatedOldest,
}

/// <summary>What narrows a view; null is "any". Age is whole days since the case was registered.</summary>
public sealed record ViewFilter(
    CaseStatus? Status = null, CasePriority? Priority = null, Door? Door = null, Guid? CaseTypeId = null, Guid? TeamId = null,
    Guid? OwnerId = null, int? MinAgeDays = null, int? MaxAgeDays = null)
{
    public const int MaxAgeDaysLimit = 36_500;

    public static readonly ViewFilter None = new();

    public void Check()
    {
        if (MinAgeDays is < 0 or > MaxAgeDaysLimit)
            throw new DomainRuleException("An age is a number of days from 0 to {0}.", "minAgeDays", MaxAgeDaysLimit);
        if (MaxAgeDays is < 0 or > MaxAgeDaysLimit)
            throw new DomainRuleException("An age is a number of days from 0 to {0}.", "maxAgeDays", MaxAgeDaysLimit);
        if (MinAgeDays is { } min && MaxAgeDays is { } max && max < min)
            throw new DomainRuleException("The highest age cannot be lower than the lowest.", "maxAgeDays");
    }
}

/// <summary>A case as a view lists it.</summary>
public sealed record ViewRow(
    Guid Id, string Number, string Subject, string CustomerName, string OwnerName, string? TeamName, CaseStatus Status, CasePriority Priority,
    Door Door, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// The cases of a view, builds its query: the view's own condition from the reader's side, the filters, the order. Shared
/// by reading a page and counting, so that a count is always of what the pages list.
/// </summary>
public sealed class CaseViews(AppDbContext db, PromiseCalendars calendars, TimeProvider time)
{
    public async Task<IQueryable<Case>> CasesAsync(CaseView view, ViewFilter filter, Actor reader, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking();
        var me = reader.Id;
        var team = reader.TeamId;
        // An offer that has lapsed is no longer open to take, even in the seconds before the sweep marks it so (as on the desk).
        var now = time.GetUtcNow();
        cases = view switch
        {
            CaseView.MyOpen => cases.Where(c => c.OwnerId == me && (c.Status == CaseStatus.Open || c.Status == CaseStatus.ProposedSolved)),
            CaseView.MyTeam => cases.Where(c => team != null && c.TeamId == team && (c.Status == CaseStatus.Open || c.Status == CaseStatus.ProposedSolved)),
            CaseView.WaitingForCustomer => cases.Where(c => c.OwnerId == me && c.Status == CaseStatus.ProposedSolved),
            CaseView.PromisesDueToday => await DueTodayAsync(cases, reader, cancellationToken),
            CaseView.TeamOffers => cases.Where(c => team != null
                && db.HandOffs.Any(h => h.CaseId == c.Id && h.State == HandOffState.Pending && h.ExpiresAt > now && h.ToTeamId == team && h.ToUserId == null)),
            CaseView.Escalated => cases.Where(c => (c.EscalatedForHandOffs || c.EscalatedForDeclines)
                && (c.Status == CaseStatus.Open || c.Status == CaseStatus.ProposedSolved)
                && ((team != null && c.TeamId == team) || c.OwnerId == me)),
            _ => throw new DomainRuleException("There is no such view.", "view"),
        };
        return Filtered(cases, filter);
    }

    public static IOrderedQueryable<Case> Ordered(IQueryable<Case> cases, ViewSort sort) => sort switch
    {
        ViewSort.UpdatedNewest => cases.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
        ViewSort.UpdatedOldest => cases.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id),
        ViewSort.CreatedNewest => cases.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
        ViewSort.CreatedOldest => cases.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
        _ => throw new DomainRuleException("There is no such order.", "sort"),
    };

    /// <summary>The cases after the last one a page showed, in the view's order: a range of the index, never an offset.</summary>
    public static IQueryable<Case> After(IQueryable<Case> cases, ViewSort sort, ViewCursor cursor)
    {
        var (at, id) = (cursor.At, cursor.Id);
        return sort switch
        {
            ViewSort.UpdatedNewest => cases.Where(c => c.UpdatedAt < at || (c.UpdatedAt == at && c.Id.CompareTo(id) < 0)),
            ViewSort.UpdatedOldest => cases.Where(c => c.UpdatedAt > at || (c.UpdatedAt == at && c.Id.CompareTo(id) > 0)),
            ViewSort.CreatedNewest => cases.Where(c => c.CreatedAt < at || (c.CreatedAt == at && c.Id.CompareTo(id) < 0)),
            ViewSort.CreatedOldest => cases.Where(c => c.CreatedAt > at || (c.CreatedAt == at && c.Id.CompareTo(id) > 0)),
            _ => throw new DomainRuleException("There is no such order.", "sort"),
        };
    }

    public IQueryable<ViewRow> Rows(IQueryable<Case> cases) =>
        cases.Select(c => new ViewRow(
            c.Id, c.Number, c.Subject,
            db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.Name).First(),
            db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).First(),
            db.Teams.Where(t => t.Id == c.TeamId).Select(t => t.Name).FirstOrDefault(),
            c.Status, c.Priority, c.FirstDoor, c.CreatedAt, c.UpdatedAt));

    private IQueryable<Case> Filtered(IQueryable<Case> cases, ViewFilter filter)
    {
        filter.Check();
        if (filter.Status is { } status)
            cases = cases.Where(c => c.Status == status);
        if (filter.Priority is { } priority)
            cases = cases.Where(c => c.Priority == priority);
        if (filter.Door is { } door)
            cases = cases.Where(c => c.FirstDoor == door);
        if (filter.CaseTypeId is { } type)
            cases = cases.Where(c => c.CaseTypeId == type);
        if (filter.TeamId is { } team)
            cases = cases.Where(c => c.TeamId == team);
        if (filter.OwnerId is { } owner)
            cases = cases.Where(c => c.OwnerId == owner);
        // PostgreSQL takes only UTC instants as parameters.
        var now = time.GetUtcNow();
        if (filter.MinAgeDays is { } min)
        {
            var registeredBefore = now.AddDays(-min);
            cases = cases.Where(c => c.CreatedAt <= registeredBefore);
        }

        if (filter.MaxAgeDays is { } max)
        {
            var registeredAfter = now.AddDays(-max - 1);
            cases = cases.Where(c => c.CreatedAt > registeredAfter);
        }

        return cases;
    }

    /// <summary>The same "today" as the desk's list of promises (<see cref="ListCommitments.TodayAsync"/>).</summary>
    private async Task<IQueryable<Case>> DueTodayAsync(IQueryable<Case> cases, Actor reader, CancellationToken cancellationToken)
    {
        var calendar = await calendars.ForAsync(reader.TeamId, null, cancellationToken);
        var endOfDay = calendar.AddBusinessDays(time.GetUtcNow(), 0).AddTicks(1).ToUniversalTime();
        var me = reader.Id;
        return cases.Where(c => db.Commitments.Any(p => p.CaseId == c.Id && p.KeeperId == me && p.Deadline < endOfDay
            && (p.State == CommitmentState.Open || (p.State == CommitmentState.Broken && p.KeptAt == null))));
    }
}

/// <summary>
/// Where a page ended: the sort key and the id of its last case. Given to the client as an opaque text (URL-safe); a text
/// Moment did not give is refused at the field "after".
/// </summary>
public sealed record ViewCursor(DateTimeOffset At, Guid Id)
{
    public static ViewCursor Of(ViewRow row, ViewSort sort) =>
        new(sort is ViewSort.CreatedNewest or ViewSort.CreatedOldest ? row.CreatedAt : row.UpdatedAt, row.Id);

    public static ViewCursor? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text.Trim())).Split('.');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks is >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParseExact(parts[1], "N", out var id))
                return new ViewCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        }
        catch (FormatException)
        {
        }

        throw new DomainRuleException("This is not where a page of the view ended: start again from the first page.", "after");
    }

    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{At.UtcTicks}.{Id:N}")));
}
