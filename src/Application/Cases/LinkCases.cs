using Microsoft.EntityFrameworkCore;
using Moment.Domain;

namespace Moment.Application.Cases;

/// <summary>Marks a later case as the same problem as an earlier one: the earlier case counts a repeat contact.</summary>
public sealed class LinkCases(CaseWork work)
{
    public async Task HandleAsync(string number, string earlierNumber, Guid actorId, CancellationToken cancellationToken = default)
    {
        var normalized = Text.Required(earlierNumber, "EarlierNumber", CaseNumbers.MaxLength).ToUpperInvariant();
        var later = await work.LoadAsync(number, null, cancellationToken);
        var earlier = await work.Db.Cases.Include(c => c.HandOffs).FirstOrDefaultAsync(c => c.Number == normalized, cancellationToken)
            ?? throw new NotFoundException("There is no case {0}.", earlierNumber);
        later.LinkAsSameProblem(earlier, actorId, work.Now);
        await work.SaveAsync(cancellationToken);
    }
}
