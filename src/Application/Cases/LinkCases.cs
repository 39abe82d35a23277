using Microsoft.EntityFrameworkCore;
using Moment.Application.Staff;
using Moment.Domain;

namespace Moment.Application.Cases;

/// <summary>Marks a later case as the same problem as an earlier one: the earlier case counts a repeat contact.</summary>
public sealed class LinkCases(CaseWork work)
{
    public async Task HandleAsync(string number, string earlierNumber, Actor actor, CancellationToken cancellationToken = default)
    {
        var normalized = Text.Required(earlierNumber, "EarlierNumber", CaseNumbers.MaxLength).ToUpperInvariant();
        var later = await work.LoadAsync(number, null, cancellationToken);
        // Linking changes the later case (the earlier one only counts a repeat contact): the later case's people decide.
        CaseRules.RequireChange(actor, later);
        var earlier = await work.Db.Cases.Include(c => c.HandOffs).FirstOrDefaultAsync(c => c.Number == normalized, cancellationToken)
            ?? throw new NotFoundException("There is no case {0}.", earlierNumber);
        later.LinkAsSameProblem(earlier, actor.Id, work.Now);
        await work.SaveAsync(cancellationToken);
    }
}
