using Microsoft.EntityFrameworkCore;
using Moment.Application.Staff;

namespace Moment.Application.Cases;

public sealed record ProposeResolutionRequest(string? Text, int? ExpectedVersion);

/// <summary>The owner says what was done, in words the customer reads; the case type decides how long they have to object.</summary>
public sealed class ProposeResolution(CaseWork work)
{
    public async Task HandleAsync(string number, ProposeResolutionRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        CaseRules.RequireWork(actor);
        var @case = await work.LoadAsync(number, request.ExpectedVersion, cancellationToken);
        var window = await work.Db.CaseTypes.Where(t => t.Id == @case.CaseTypeId).Select(t => t.ResolutionWindow).FirstAsync(cancellationToken);
        @case.ProposeResolution(actor.Id, request.Text ?? "", window, work.Now);
        await work.SaveAsync(cancellationToken);
    }
}
