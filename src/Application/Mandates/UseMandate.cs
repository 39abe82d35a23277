using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Commitments;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Domain.Mandates;

namespace Moment.Application.Mandates;

/// <summary>
/// A use of the mandate on a case: kind, whole kronor, what the customer is given (in their words), and, when it is
/// delivered later, within how many business days. <see cref="AskedWording"/> is what the customer reads when it is above
/// the user's mandate, with {0} for the name of the person asked (the page gives it in its language).
/// </summary>
public sealed record UseMandateRequest(MandateKind? Kind, int? Amount, string? What, int? DeliverWithinBusinessDays, string? AskedWording = null);

/// <summary>What came of it: done (or promised for later) at once, or asked of a named person, with their name and the deadline.</summary>
public sealed record MandateOutcome(Guid UseId, MandateUseState State, MandateVerdict Verdict, string? AskedName, DateTimeOffset? Deadline);

/// <summary>
/// Principle 4, one step on the case: within the user's own mandate it is done at once and logged on the timeline (and
/// becomes a promise when delivery is later); above it, it becomes a request to the nearest named person who has the
/// mandate: a promise with a deadline of <see cref="AnswerWithinBusinessDays"/> business day kept by that person, which the
/// customer reads with their name. Nobody is refused for lack of mandate: the customer always gets a name and a deadline.
/// </summary>
public sealed class UseMandate(CaseWork work, MandateLimits limits, PromiseCalendars calendars, StaffCards staff)
{
    public const int AnswerWithinBusinessDays = 1;

    public async Task<MandateOutcome> HandleAsync(string caseNumber, UseMandateRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        CaseRules.RequireWork(actor);
        var kind = request.Kind is { } k && Enum.IsDefined(k) ? k : throw new DomainRuleException("Choose what kind of mandate it is.", "Kind");
        var amount = request.Amount ?? throw new DomainRuleException("{0} is required.", "Amount", "Amount");
        var what = Text.Required(request.What, "What", MandateUse.WhatMaxLength);
        if (request.DeliverWithinBusinessDays is < 1 or > 60)
            throw new DomainRuleException("Delivery is promised within 1 to 60 business days.", "DeliverWithinBusinessDays");
        var @case = await work.LoadAsync(caseNumber, null, cancellationToken);

        var limit = await limits.ForAsync(actor.Id, actor.Roles, kind, cancellationToken);
        var (onCase, thisMonth) = await limits.GivenAsync(actor.Id, kind, @case.Id, work.Now, cancellationToken);
        var verdict = Mandate.Check(limit, amount, onCase, thisMonth);
        var amountText = $"{amount.ToString(CultureInfo.InvariantCulture)} kr: {what}";
        MandateUse use;
        string? askedName = null;
        DateTimeOffset? deadline = null;
        if (verdict == MandateVerdict.Within)
        {
            use = MandateUse.Use(@case.Id, kind, amount, what, actor.Id, actor.TeamId, work.Now);
            @case.RecordMandateUse(actor.Id, amountText, null, work.Now);
            if (request.DeliverWithinBusinessDays is { } days)
            {
                var calendar = await calendars.ForAsync(actor.TeamId, @case.TeamId, cancellationToken);
                deadline = calendar.AddBusinessDays(work.Now, days);
                var promise = @case.MakeCommitment(actor.Id, CommitmentKind.Compensation, what, actor.Id, actor.TeamId, deadline.Value, null, work.Now);
                use.PromisedBy(promise.Id);
            }
        }
        else
        {
            var asked = await NearestWithMandateAsync(actor, kind, amount, @case.Id, cancellationToken)
                ?? throw new ConflictException("Nobody on the staff has a mandate for this amount. Ask your manager.");
            askedName = asked.DisplayName;
            var calendar = await calendars.ForAsync(asked.TeamId, @case.TeamId, cancellationToken);
            deadline = calendar.AddBusinessDays(work.Now, AnswerWithinBusinessDays);
            var wording = string.Format(CultureInfo.InvariantCulture, request.AskedWording ?? "{0} decides on this and gets back to you.", asked.DisplayName);
            use = MandateUse.Request(@case.Id, kind, amount, what, actor.Id, actor.TeamId, asked.Id, work.Now);
            @case.RecordMandateUse(actor.Id, amountText, asked.Id, work.Now);
            var promise = @case.MakeCommitment(actor.Id, CommitmentKind.Compensation, $"{what} — {wording}", asked.Id, asked.TeamId, deadline.Value, null, work.Now);
            use.PromisedBy(promise.Id);
        }

        work.Db.MandateUses.Add(use);
        await work.SaveAsync(cancellationToken);
        return new MandateOutcome(use.Id, use.State, verdict, askedName, deadline);
    }

    /// <summary>
    /// The nearest named person whose own mandate covers it: the user's team lead, then others in their team, then the
    /// team's responsible manager, then any manager, then anyone else; by name within each. Someone away is not near.
    /// </summary>
    private async Task<StaffCard?> NearestWithMandateAsync(Actor actor, MandateKind kind, int amount, Guid caseId, CancellationToken cancellationToken)
    {
        var db = work.Db;
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == actor.TeamId).Select(t => new { t.TeamLeadId, t.ResponsibleManagerId }).FirstOrDefaultAsync(cancellationToken);
        var withLimits = await db.AuthorityLimits.AsNoTracking().Where(l => l.Kind == kind && l.PerCase >= amount).Select(l => new { l.Role, l.UserId }).ToListAsync(cancellationToken);
        var roles = withLimits.Select(l => l.Role).OfType<string>().ToList();
        var people = withLimits.Select(l => l.UserId).OfType<Guid>().ToList();
        var candidateIds = await (
            from u in db.Users
            where u.IsActive && u.Id != actor.Id
            where people.Contains(u.Id) || db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!)))
            select u.Id).ToListAsync(cancellationToken);
        var now = work.Now;
        var away = await db.Absences.AsNoTracking().Where(a => candidateIds.Contains(a.UserId) && a.From <= now && a.To > now).Select(a => a.UserId).ToListAsync(cancellationToken);
        var candidates = new List<StaffCard>();
        foreach (var id in candidateIds.Except(away))
        {
            if (await staff.FindAsync(id, cancellationToken) is { IsActive: true } card && StaffRoles.WorkCases(card.Roles))
                candidates.Add(card);
        }

        foreach (var card in candidates.OrderBy(c => Nearness(c, actor, team?.TeamLeadId, team?.ResponsibleManagerId)).ThenBy(c => c.DisplayName, StringComparer.Ordinal))
        {
            var limit = await limits.ForAsync(card.Id, card.Roles, kind, cancellationToken);
            var (onCase, thisMonth) = await limits.GivenAsync(card.Id, kind, caseId, now, cancellationToken);
            if (Mandate.Check(limit, amount, onCase, thisMonth) == MandateVerdict.Within)
                return card;
        }

        return null;
    }

    private static int Nearness(StaffCard card, Actor actor, Guid? teamLead, Guid? manager) =>
        card.Id == teamLead ? 0
        : card.TeamId is not null && card.TeamId == actor.TeamId ? 1
        : card.Id == manager ? 2
        : card.Roles.Contains(StaffRoles.Manager, StringComparer.Ordinal) ? 3
        : 4;
}
