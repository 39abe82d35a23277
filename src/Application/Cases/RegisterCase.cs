using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>A new case from any door. Without a case type it is a question; without a team, the registrar's team.</summary>
public sealed record RegisterCaseRequest(
    Guid? CustomerId, Guid? CaseTypeId, string? Subject, string? Description, CasePriority? Priority, Door? Door, Guid? TeamId);

/// <summary>Whoever registers the case owns it: the first person the customer meets (principle 1).</summary>
public sealed class RegisterCase(AppDbContext db, CaseNumbers numbers, TimeProvider time)
{
    public async Task<CaseDetails> HandleAsync(RegisterCaseRequest request, Guid registrarId, CancellationToken cancellationToken = default)
    {
        if (request.CustomerId is not { } customerId)
            throw new DomainRuleException("Choose the customer the case is about.", "CustomerId");
        if (request.Door is not { } door)
            throw new DomainRuleException("Say which door the customer came through (phone, chat, email, shop, onboard, letter, web, field).", "Door");
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("That customer does not exist.", "CustomerId");
        var caseType = await (request.CaseTypeId is { } typeId
                ? db.CaseTypes.AsNoTracking().Where(t => t.Id == typeId)
                : db.CaseTypes.AsNoTracking().Where(t => t.Name == CaseTypes.Question))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("That case type does not exist.", "CaseTypeId");
        var registrar = await db.Users.AsNoTracking().Where(u => u.Id == registrarId)
            .Select(u => new { u.Id, u.DisplayName, Email = u.Email ?? "", u.TeamId })
            .FirstAsync(cancellationToken);
        var teamId = request.TeamId ?? registrar.TeamId;
        var team = teamId is { } id
            ? await db.Teams.AsNoTracking().Where(t => t.Id == id).Select(t => new TeamRef(t.Id, t.Name)).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException("That team does not exist.", "TeamId")
            : null;

        var now = time.GetUtcNow();
        var @case = Case.Register(new CaseRegistration(
            await numbers.NextAsync(now, cancellationToken), customerId, caseType.Id, request.Subject ?? "", request.Description,
            request.Priority ?? CasePriority.Normal, door, registrarId, team?.Id, NewCustomerToken()), now);
        db.Cases.Add(@case);
        await db.SaveChangesAsync(cancellationToken);

        var registrarRef = new PersonRef(registrar.Id, registrar.DisplayName, registrar.Email);
        return new CaseDetails(
            @case.Id, @case.Number, @case.Status, @case.Subject, @case.Description, @case.Priority, caseType.Name, @case.FirstDoor,
            registrarRef, team, customerId, customer, new CaseCounts(0, 0, 0, 0, 0), @case.CustomerToken, @case.Version,
            @case.CreatedAt, @case.UpdatedAt, null, null, null, null, null, [], null,
            [.. @case.Timeline.Select(e => new TimelineEntry(e.Kind, e.At, registrar.DisplayName, e.Text, e.IsPublic, e.Door, e.Direction, e.SubjectUserId is null ? null : registrar.DisplayName))]);
    }

    /// <summary>256 random bits: the customer's link is the only key to their case page, so it must not be guessable.</summary>
    internal static string NewCustomerToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
