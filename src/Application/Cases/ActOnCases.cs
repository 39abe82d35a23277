using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>What a team lead does to many cases at once.</summary>
public enum BulkAction
{
    /// <summary>Give them to a person (<see cref="ActOnCasesRequest.ToUserId"/>), as <see cref="ReassignCase"/>.</summary>
    Reassign,

    /// <summary>Offer them to a person or a team, with a summary for the receiver, as <see cref="OfferHandOff"/>.</summary>
    Offer,

    /// <summary>Change their priority, as <see cref="EditCase"/>.</summary>
    Priority,

    /// <summary>Change their case type, as <see cref="EditCase"/>.</summary>
    CaseType,
}

/// <summary>
/// One action on the cases of <paramref name="Numbers"/> (at most <see cref="ActOnCases.MaxCases"/>), with one reason for
/// all: the person (<paramref name="ToUserId"/>, the new owner or the receiver of an offer), the team of an offer, the
/// priority, the case type or the offer's summary, as the action needs.
/// </summary>
public sealed record ActOnCasesRequest(
    BulkAction? Action, IReadOnlyList<string?>? Numbers, Guid? ToUserId, Guid? ToTeamId, CasePriority? Priority, Guid? CaseTypeId, string? Summary, string? Reason);

/// <summary>The cases acted on, by number, in the order given.</summary>
public sealed record ActedOnCases(BulkAction Action, IReadOnlyList<string> Numbers);

/// <summary>
/// Bulk actions for team leads: reassign or offer many cases, or change their priority or case type, with one reason.
/// Each case is decided by the same rules as one case alone and gets the one timeline entry the single action writes.
/// All or nothing: when any case is refused (not found, not the reader's to change, resolved, …), nothing is saved, and
/// the refusal names that case, so the lead can leave it out and try again.
/// </summary>
public sealed class ActOnCases(CaseWork work, ReassignCase reassign, OfferHandOff offer, EditCase edit)
{
    /// <summary>A screenful of a view, twice over; more at once is a reorganisation, not a bulk action.</summary>
    public const int MaxCases = 100;

    public async Task<ActedOnCases> HandleAsync(ActOnCasesRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        CaseRules.RequireActInBulk(actor);
        if (request.Action is not { } action || !Enum.IsDefined(action))
            throw new DomainRuleException("Choose what to do with the cases.", "Action");
        var numbers = (request.Numbers ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => CaseNumbers.Normalize(n!)).Distinct(StringComparer.Ordinal).ToList();
        if (numbers.Count == 0)
            throw new DomainRuleException("Choose at least one case.", "Numbers");
        if (numbers.Count > MaxCases)
            throw new DomainRuleException("Choose at most {0} cases at a time; you chose {1}.", "Numbers", MaxCases, numbers.Count);

        try
        {
            // Who may comes before what is asked for, case by case, as for one case: a refusal before a complaint about the form.
            var cases = new List<Case>(numbers.Count);
            foreach (var number in numbers)
                cases.Add(await OnCaseAsync(number, () => LoadAsync(number, action, actor, cancellationToken)));

            var reason = Text.Required(request.Reason, "Reason", HandOff.ReasonMaxLength);
            switch (action)
            {
                case BulkAction.Reassign:
                    var newOwner = await reassign.NewOwnerAsync(request.ToUserId, "ToUserId", cancellationToken);
                    foreach (var @case in cases)
                        await OnCaseAsync(@case.Number, () => @case.Reassign(actor.Id, newOwner.Id, newOwner.TeamId, reason, work.Now));
                    break;
                case BulkAction.Offer:
                    var summary = Text.Required(request.Summary, "Summary", HandOff.SummaryMaxLength);
                    var receiver = await offer.ReceiverAsync(request.ToUserId, null, request.ToTeamId, cancellationToken);
                    foreach (var @case in cases)
                        await OnCaseAsync(@case.Number, () => offer.OfferAsync(@case, receiver, summary, reason, null, actor, cancellationToken));
                    break;
                case BulkAction.Priority:
                    var priority = EditCase.Priority(request.Priority);
                    foreach (var @case in cases)
                        await OnCaseAsync(@case.Number, () => @case.Edit(actor.Id, new CaseEdit(@case.Subject, @case.CaseTypeId, priority, @case.TeamId), reason, work.Now));
                    break;
                case BulkAction.CaseType:
                    var caseTypeId = await edit.CaseTypeAsync(request.CaseTypeId, cancellationToken);
                    foreach (var @case in cases)
                        await OnCaseAsync(@case.Number, () => @case.Edit(actor.Id, new CaseEdit(@case.Subject, caseTypeId, @case.Priority, @case.TeamId), reason, work.Now));
                    break;
            }

            // One save, so one transaction: every case changes, or (a concurrent change to any of them) none does.
            await work.SaveAsync(cancellationToken);
            return new ActedOnCases(action, [.. cases.Select(c => c.Number)]);
        }
        catch (RefusalException)
        {
            // The cases changed before the refused one stay unsaved; forgotten, so nothing later in this scope saves them.
            work.Db.ChangeTracker.Clear();
            throw;
        }
    }

    private async Task<Case> LoadAsync(string number, BulkAction action, Actor actor, CancellationToken cancellationToken)
    {
        var @case = await work.LoadAsync(number, null, cancellationToken);
        switch (action)
        {
            case BulkAction.Reassign:
                CaseRules.RequireReassign(actor, @case);
                break;
            case BulkAction.Offer:
                // The owner's own, as for one case: Case.OfferHandOff refuses anyone else, before anything is saved.
                break;
            case BulkAction.Priority or BulkAction.CaseType:
                CaseRules.RequireChange(actor, @case);
                break;
        }

        return @case;
    }

    private static Task OnCaseAsync(string number, Action step) =>
        OnCaseAsync(number, () =>
        {
            step();
            return Task.FromResult(true);
        });

    /// <summary>A refusal about one case of many names it, unless it does already ("There is no case {0}.").</summary>
    private static async Task<T> OnCaseAsync<T>(string number, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (RefusalException refusal) when (!refusal.MessageArguments.Any(argument => argument is string named && CaseNumbers.Normalize(named) == number))
        {
            throw Naming(number, refusal);
        }
    }

    /// <summary>The same kind of refusal (the API answers the same status as for the one case), naming the case.</summary>
    private static RefusalException Naming(string number, RefusalException refusal) => refusal switch
    {
        DomainRuleException rule => new DomainRuleException("Case {0}: {1}", rule.Field, number, refusal),
        ForbiddenException => new ForbiddenException("Case {0}: {1}", number, refusal),
        NotFoundException => new NotFoundException("Case {0}: {1}", number, refusal),
        _ => new ConflictException("Case {0}: {1}", number, refusal),
    };
}
