using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>
/// The customer's answer to the proposed resolution, as they gave it to a member of staff: <paramref name="Solved"/>,
/// the <paramref name="Door"/> it came through (phone, counter), and a comment the customer reads on their page.
/// </summary>
public sealed record RecordCustomerAnswerRequest(bool? Solved, Door? Door, string? Comment, int? ExpectedVersion);

/// <summary>
/// Principle 10 for a customer who answers on the phone or at the counter (story 5: no computer): staff record the
/// answer with themselves as the one who recorded it, shown as such on the timeline. The customer's own page is for the
/// customer's own answers (<see cref="CustomerCase.RequireTheCustomer"/>). Any case worker may record it, as with a
/// contact: the customer called whoever answered, and the owner is told.
/// </summary>
public sealed class RecordCustomerAnswer(CaseWork work)
{
    public async Task HandleAsync(string number, RecordCustomerAnswerRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        CaseRules.RequireWork(actor);
        var solved = request.Solved ?? throw new DomainRuleException("Say whether the customer says it is solved.", "Solved");
        var door = request.Door ?? throw new DomainRuleException("Say which door the customer's answer came through.", "Door");
        var @case = await work.LoadAsync(number, request.ExpectedVersion, cancellationToken);
        @case.RecordCustomerAnswer(actor.Id, solved, door, request.Comment, work.Now);
        await work.SaveAsync(cancellationToken);
    }
}
