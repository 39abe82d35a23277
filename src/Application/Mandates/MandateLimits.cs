using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Calendar;
using Moment.Domain.Mandates;

namespace Moment.Application.Mandates;

/// <summary>A limit as set: for a role or (exception) for a person.</summary>
public sealed record LimitView(Guid Id, MandateKind Kind, string? Role, Guid? UserId, string? Person, int PerCase, int PerMonth);

/// <summary>What one person may give of one kind, and what is left of it this month.</summary>
public sealed record MyMandate(MandateKind Kind, int PerCase, int PerMonth, int GivenThisMonth)
{
    public int LeftThisMonth => Math.Max(0, PerMonth - GivenThisMonth);
}

public sealed record SetLimitRequest(MandateKind? Kind, string? Role, Guid? UserId, int? PerCase, int? PerMonth);

/// <summary>Reads and sets authority limits; counts what a person has already given (the month on the Swedish calendar).</summary>
public sealed class MandateLimits(AppDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<LimitView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var limits = await (
            from l in db.AuthorityLimits.AsNoTracking()
            join u in db.Users on l.UserId equals u.Id into people
            from person in people.DefaultIfEmpty()
            select new LimitView(l.Id, l.Kind, l.Role, l.UserId, person == null ? null : person.DisplayName, l.PerCase, l.PerMonth))
            .ToListAsync(cancellationToken);
        return [.. limits.OrderBy(l => l.Person is not null).ThenBy(l => l.Role ?? l.Person, StringComparer.Ordinal).ThenBy(l => l.Kind)];
    }

    /// <summary>Sets the limit of a role, or a person's exception, for a kind (a new one or a change).</summary>
    public async Task<LimitView> SetAsync(Actor actor, SetLimitRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        MandateRules.RequireSetLimits(actor);
        var kind = request.Kind ?? throw new DomainRuleException("Choose what kind of mandate it is.", "Kind");
        if ((request.Role is null) == (request.UserId is null))
            throw new DomainRuleException("Set a limit for a role or for a person, not both.", "Role");
        if (request.Role is { } role && !StaffRoles.IsKnown(role))
            throw new DomainRuleException("There is no role {0}.", "Role", role);
        if (request.UserId is { } userId && !await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
            throw new DomainRuleException("The person must be on the staff.", "UserId");
        var perCase = request.PerCase ?? throw new DomainRuleException("{0} is required.", "PerCase", "PerCase");
        var perMonth = request.PerMonth ?? throw new DomainRuleException("{0} is required.", "PerMonth", "PerMonth");
        var now = time.GetUtcNow();
        var existing = await db.AuthorityLimits.FirstOrDefaultAsync(l => l.Kind == kind && l.Role == request.Role && l.UserId == request.UserId, cancellationToken);
        if (existing is null)
        {
            existing = request.Role is { } forRole
                ? AuthorityLimit.ForRole(forRole, kind, perCase, perMonth, actor.Id, now)
                : AuthorityLimit.ForPerson(request.UserId!.Value, kind, perCase, perMonth, actor.Id, now);
            db.AuthorityLimits.Add(existing);
        }
        else
        {
            existing.Set(perCase, perMonth, actor.Id, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await ListAsync(cancellationToken)).First(l => l.Id == existing.Id);
    }

    /// <summary>The limit of one person for a kind: their exception, else the most generous of their roles'.</summary>
    public async Task<MandateLimit?> ForAsync(Guid userId, IReadOnlyList<string> roles, MandateKind kind, CancellationToken cancellationToken = default)
    {
        var limits = await db.AuthorityLimits.AsNoTracking()
            .Where(l => l.Kind == kind && (l.UserId == userId || (l.Role != null && roles.Contains(l.Role))))
            .ToListAsync(cancellationToken);
        return Mandate.LimitOf(kind, userId, roles, limits);
    }

    /// <summary>Every kind one person has a mandate for, with what is left of it this month: what the frontline page shows.</summary>
    public async Task<IReadOnlyList<MyMandate>> MineAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var limits = await db.AuthorityLimits.AsNoTracking()
            .Where(l => l.UserId == actor.Id || (l.Role != null && actor.Roles.Contains(l.Role)))
            .ToListAsync(cancellationToken);
        var (start, end) = MonthOf(time.GetUtcNow());
        var given = await db.MandateUses.AsNoTracking()
            .Where(u => u.UsedById == actor.Id && u.At >= start && u.At < end && u.State != MandateUseState.Requested)
            .Select(u => new { u.Kind, u.Amount })
            .ToListAsync(cancellationToken);
        return [.. Enum.GetValues<MandateKind>()
            .Select(kind => Mandate.LimitOf(kind, actor.Id, actor.Roles, limits))
            .OfType<MandateLimit>()
            .Where(l => l.PerCase > 0 && l.PerMonth > 0)
            .Select(l => new MyMandate(l.Kind, l.PerCase, l.PerMonth, given.Where(g => g.Kind == l.Kind).Sum(g => g.Amount)))];
    }

    /// <summary>What one person has given of a kind, on a case and in the month of <paramref name="now"/>, within their own mandate.</summary>
    public async Task<(int OnCase, int ThisMonth)> GivenAsync(Guid userId, MandateKind kind, Guid caseId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var (start, end) = MonthOf(now);
        var uses = await db.MandateUses.AsNoTracking()
            .Where(u => u.UsedById == userId && u.Kind == kind && u.State != MandateUseState.Requested && (u.CaseId == caseId || (u.At >= start && u.At < end)))
            .Select(u => new { u.CaseId, u.Amount, u.At })
            .ToListAsync(cancellationToken);
        return (uses.Where(u => u.CaseId == caseId).Sum(u => u.Amount), uses.Where(u => u.At >= start && u.At < end).Sum(u => u.Amount));
    }

    /// <summary>The calendar month an instant falls in, on the Swedish calendar's clock, as UTC instants [start, end).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) MonthOf(DateTimeOffset now)
    {
        var zone = BusinessCalendar.Swedish.TimeZone;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return (Instant(new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified), zone),
            Instant(new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1), zone));
    }

    private static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone) => new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
}
