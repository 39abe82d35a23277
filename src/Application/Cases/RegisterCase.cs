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
/// Case intake is the busiest write in Moment, so it reads only what it must: the case type and the registrar through
/// their caches, then the customer with a new number and the case itself in a batch with the other registrations that
/// arrive at the same moment (<see cref="CaseIntake"/>, group commit).
/// </remarks>
public sealed class RegisterCase(
    AppDbContext db, CaseNumbers numbers, CaseIntake intake, CaseTypes caseTypes, StaffCards staff, TimeProvider time, MomentMetrics metrics)
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
        var registration = new CaseRegistration(
            "", customerId, caseType.Id, request.Subject ?? "", request.Description,
            request.Priority ?? CasePriority.Normal, door, registrarId, team?.Id, NewCustomerToken());
        var (@case, customer) = db.Database.CurrentTransaction is null
            ? await intake.RegisterAsync(registration, now, cancellationToken)
            : await RegisterInTransactionAsync(registration, now, cancellationToken);
        metrics.CaseRegistered(@case.Number, door.ToString().ToLowerInvariant());

        var registrarRef = new PersonRef(registrar.Id, registrar.DisplayName, registrar.Email);
        return new CaseDetails(
            @case.Id, @case.Number, @case.Status, @case.Subject, @case.Description, @case.Priority, caseType.Name, caseType.Id, @case.FirstDoor,
            registrarRef, team, customerId, customer, new CaseCounts(0, 0, 0, 0, 0), @case.CustomerToken, @case.Version,
            @case.CreatedAt, @case.UpdatedAt, null, null, null, null, null, [], null,
            [.. @case.Timeline.Select(e => new TimelineEntry(e.Kind, e.At, registrar.DisplayName, e.Text, e.IsPublic, e.Door, e.Direction, e.SubjectUserId is null ? null : registrar.DisplayName))],
            []);
    }

    /// <summary>
    /// A case opened as part of a larger change (a contact that opens a case and its conversation together) is written in
    /// the caller's transaction, which commits it, rather than in a batch of its own.
    /// </summary>
    private async Task<(Case, string)> RegisterInTransactionAsync(CaseRegistration registration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reservation = await numbers.ReserveAsync(registration.CustomerId, now, cancellationToken)
            ?? throw new DomainRuleException("That customer does not exist.", "CustomerId");
        var @case = Case.Register(registration with { Number = reservation.Number }, now);
        db.Cases.Add(@case);
        await db.SaveChangesAsync(cancellationToken);
        return (@case, reservation.CustomerName);
    }

    /// <summary>256 random bits: the customer's link is the only key to their case page, so it must not be guessable.</summary>
    internal static string NewCustomerToken() => Secrets.New();
}
