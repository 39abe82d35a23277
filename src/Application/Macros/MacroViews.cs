using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain.Macros;

namespace Moment.Application.Macros;

/// <summary>A canned reply as written (placeholders unfilled); <paramref name="MayKeep"/> whether the reader may change it.</summary>
public sealed record MacroView(
    Guid Id, string Name, string Body, MacroLanguage Language, MacroUse Use, bool IsPersonal, Guid? TeamId, string? TeamName, int Version, bool MayKeep);

/// <summary>A canned reply filled in for one case, ready for the reply box.</summary>
public sealed record FilledMacro(Guid Id, string Name, MacroLanguage Language, MacroUse Use, bool IsPersonal, string? TeamName, string Text);

/// <summary>
/// The canned replies a person may use: their own and their team's (managers and administrators: every team's), their
/// own first, then by name; and the same filled in for a case (<see cref="MacroText"/>).
/// </summary>
public sealed class MacroViews(AppDbContext db)
{
    public async Task<IReadOnlyList<MacroView>> ForAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CaseRules.MayWork(actor))
            return [];
        var rows = await Usable(actor)
            .Select(m => new { Macro = m, TeamName = db.Teams.Where(t => t.Id == m.TeamId).Select(t => t.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderBy(r => r.Macro.IsPersonal ? 0 : 1).ThenBy(r => r.TeamName, StringComparer.Ordinal).ThenBy(r => r.Macro.Name, StringComparer.Ordinal)
            .Select(r => new MacroView(r.Macro.Id, r.Macro.Name, r.Macro.Body, r.Macro.Language, r.Macro.Use, r.Macro.IsPersonal, r.Macro.TeamId, r.TeamName,
                r.Macro.Version, r.Macro.IsPersonal || MacroRules.MayKeepTeams(actor, r.Macro.TeamId)))];
    }

    public async Task<MacroView> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        var macro = await db.Macros.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new NotFoundException("There is no such canned reply.");
        MacroRules.RequireUse(actor, macro);
        var teamName = macro.TeamId is { } team ? await db.Teams.Where(t => t.Id == team).Select(t => t.Name).FirstAsync(cancellationToken) : null;
        return new MacroView(macro.Id, macro.Name, macro.Body, macro.Language, macro.Use, macro.IsPersonal, macro.TeamId, teamName, macro.Version,
            macro.IsPersonal || MacroRules.MayKeepTeams(actor, macro.TeamId));
    }

    /// <summary>Every canned reply the reader may use, filled in for the case; <paramref name="customerLink"/> makes the customer's link of a token.</summary>
    public async Task<IReadOnlyList<FilledMacro>> ForCaseAsync(Actor actor, string number, Func<string, string> customerLink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerLink);
        var values = await ValuesAsync(number, customerLink, cancellationToken);
        return [.. (await ForAsync(actor, cancellationToken)).Select(m => Filled(m, values))];
    }

    /// <summary>One canned reply filled in for the case: refused when it is another team's, not found when it is someone else's own.</summary>
    public async Task<FilledMacro> FillAsync(Actor actor, Guid id, string number, Func<string, string> customerLink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerLink);
        CaseRules.RequireWork(actor);
        var macro = await GetAsync(actor, id, cancellationToken);
        return Filled(macro, await ValuesAsync(number, customerLink, cancellationToken));
    }

    private static FilledMacro Filled(MacroView macro, MacroValues values) =>
        new(macro.Id, macro.Name, macro.Language, macro.Use, macro.IsPersonal, macro.TeamName, MacroText.Fill(macro.Body, values));

    private IQueryable<Macro> Usable(Actor actor) =>
        actor.ManagesAll
            ? db.Macros.AsNoTracking().Where(m => m.OwnerId == actor.Id || m.TeamId != null)
            : db.Macros.AsNoTracking().Where(m => m.OwnerId == actor.Id || (m.TeamId != null && m.TeamId == actor.TeamId));

    private async Task<MacroValues> ValuesAsync(string number, Func<string, string> customerLink, CancellationToken cancellationToken)
    {
        var normalized = CaseNumbers.Normalize(number);
        var found = await db.Cases.AsNoTracking().Where(c => c.Number == normalized)
            .Select(c => new
            {
                c.Number,
                c.CustomerToken,
                Customer = db.Customers.Where(k => k.Id == c.CustomerId).Select(k => k.Name).FirstOrDefault(),
                Owner = db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("There is no case {0}.", number);
        return new MacroValues(MacroText.FirstName(found.Customer ?? ""), found.Number, found.Owner ?? "", customerLink(found.CustomerToken));
    }
}
