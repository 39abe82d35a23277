using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Absences;

namespace Moment.Application.Absences;

/// <summary>Away from <paramref name="From"/> to <paramref name="To"/>; <paramref name="StandIn"/> is the stand-in's email.</summary>
public sealed record RecordAbsenceRequest(DateTimeOffset? From, DateTimeOffset? To, string? StandIn);

/// <summary>
/// Records my absence, or replaces the one I have (one at a time): a planned absence can change entirely, a started
/// one only its end. The stand-in must be someone else, active, and not away themselves at any moment of it.
/// </summary>
public sealed class RecordAbsence(AppDbContext db, StaffCards staff, TimeProvider time)
{
    public async Task<AbsenceView> HandleAsync(Guid userId, RecordAbsenceRequest request, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var from = request.From ?? throw new DomainRuleException("Say when the absence starts.", "From");
        var to = request.To ?? throw new DomainRuleException("Say when the absence ends.", "To");
        var email = Text.Optional(request.StandIn, "StandIn", Text.EmailMaxLength);
        if (string.IsNullOrEmpty(email))
            throw new DomainRuleException("Name a stand-in who takes your work while you are away.", "StandIn");
        var standIn = await staff.FindByEmailAsync(email, cancellationToken)
            ?? throw new DomainRuleException("That person is not on the staff.", "StandIn");
        if (standIn.Id == userId)
            throw new DomainRuleException("Name someone else as your stand-in.", "StandIn");
        if (!standIn.IsActive)
            throw new DomainRuleException("{0} is inactive and cannot stand in for you.", "StandIn", standIn.DisplayName);
        CaseRules.RequireMayHoldWork(standIn, "StandIn");

        var current = await CurrentAbsence.OfAsync(db, userId, cancellationToken);
        if (current is null)
        {
            current = Absence.Plan(userId, standIn.Id, from, to, now);
            db.Absences.Add(current);
        }
        else
        {
            current.Change(standIn.Id, from, to, now);
        }

        // Checked after the domain's own rules, so that "ends before it starts" is said before anything about the stand-in.
        var standInAway = await db.Absences.AsNoTracking()
            .AnyAsync(a => a.UserId == standIn.Id && a.State != AbsenceState.Ended && a.From < current.To && current.From < a.To, cancellationToken);
        if (standInAway)
            throw new DomainRuleException("{0} is away at the same time; name someone else as your stand-in.", "StandIn", standIn.DisplayName);

        await db.SaveChangesAsync(cancellationToken);
        return AbsenceView.Of(current, new PersonRef(standIn.Id, standIn.DisplayName, standIn.Email));
    }
}
