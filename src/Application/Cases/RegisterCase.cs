using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Application.Telemetry;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>A new case from any door. Without a case type it is a question; without a team, the registrar's team.</summary>
public sealed record RegisterCaseRequest(
    Guid? CustomerId, Guid? CaseTypeId, string? Subject, string? Description, CasePriority? Priority, Door? Door, Guid? TeamId);

/// <summary>Whoever registers the case owns it: the first person the customer meets (principle 1).</summary>
/// <remarks>
/// Case intake is the busiest write in Moment, so it reads only what it must: the customer, and the case type and the
/// registrar through their caches. On PostgreSQL that is two round trips: the customer with a new number, then the case.
/// </remarks>
public sealed class RegisterCase(AppDbContext db, CaseNumbers numbers, CaseTypes caseTypes, StaffCards staff, TimeProvider time, MomentMetrics metrics)
{
    public async Task<CaseDetails> HandleAsync(RegisterCaseRequest request, Guid registrarId, CancellationToken cancellationToken = default)
    {
        if (request.CustomerId is not { } customerId)
            throw new DomainRuleException("Choose the customer the case is about.", "CustomerId");
        if (request.Door is not { } door)
            throw new DomainRuleException("Say which door the customer came through (phone, chat, email, shop, onboard, letter, web, field).", "Door");
        var caseType = await caseTypes.FindAsync(request.CaseTypeId, cancellationToken)
            ?? throw new DomainRuleException("That case type does not exist.", "CaseTypeId");
        var registrar = await staff.FindAsync(registrarId, cancellationToken)
            ?? throw new NotFoundException("The member of staff registering the case does not exist.");
        // The registrar becomes the owner, and only those who work cases own one.
        CaseRules.RequireWork(Actor.Of(registrar));
        var team = request.TeamId is { } teamId && teamId != registrar.TeamId
            ? await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => new TeamRef(t.Id, t.Name)).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException("That team does not exist.", "TeamId")
            : registrar is { TeamId: { } ownTeam, TeamName: { } ownTeamName } ? new TeamRef(ownTeam, ownTeamName) : null;
        var now = time.GetUtcNow();
        var reservation = await numbers.ReserveAsync(customerId, now, cancellationToken)
            ?? throw new DomainRuleException("That customer does not exist.", "CustomerId");
        var @case = Case.Register(new CaseRegistration(
            reservation.Number, customerId, caseType.Id, request.Subject ?? "", request.Description,
            request.Priority ?? CasePriority.Normal, door, registrarId, team?.Id, NewCustomerToken()), now);
        db.Cases.Add(@case);
        await SaveNewCaseAsync(cancellationToken);
        metrics.CaseRegistered(@case.Number, door.ToString().ToLowerInvariant());
        var customer = reservation.CustomerName;

        var registrarRef = new PersonRef(registrar.Id, registrar.DisplayName, registrar.Email);
        return new CaseDetails(
            @case.Id, @case.Number, @case.Status, @case.Subject, @case.Description, @case.Priority, caseType.Name, caseType.Id, @case.FirstDoor,
            registrarRef, team, customerId, customer, new CaseCounts(0, 0, 0, 0, 0), @case.CustomerToken, @case.Version,
            @case.CreatedAt, @case.UpdatedAt, null, null, null, null, null, [], null,
            [.. @case.Timeline.Select(e => new TimelineEntry(e.Kind, e.At, registrar.DisplayName, e.Text, e.IsPublic, e.Door, e.Direction, e.SubjectUserId is null ? null : registrar.DisplayName))],
            []);
    }

    /// <summary>
    /// PostgreSQL runs statements sent together in one batch as one implicit transaction: the case and its first timeline
    /// entries go in a single round trip, all or nothing, without BEGIN and COMMIT of their own. SQLite has no round trips
    /// to save and keeps EF's transaction (which also takes its turn at the write gate).
    /// </summary>
    private async Task SaveNewCaseAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var usual = db.Database.AutoTransactionBehavior;
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Database.AutoTransactionBehavior = usual;
        }
    }

    /// <summary>256 random bits: the customer's link is the only key to their case page, so it must not be guessable.</summary>
    internal static string NewCustomerToken() => Secrets.New();
}
