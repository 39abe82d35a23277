using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain.Macros;

namespace Moment.Application.Macros;

/// <summary>A new canned reply: the writer's own, or (<paramref name="TeamId"/>) a team's, kept by its team lead.</summary>
public sealed record WriteMacroRequest(MacroContent Content, Guid? TeamId);

/// <summary>Writes a canned reply, the writer's own or a team's.</summary>
public sealed class WriteMacro(AppDbContext db, TimeProvider time)
{
    public async Task<Macro> HandleAsync(Actor actor, WriteMacroRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        Macro macro;
        if (request.TeamId is { } team)
        {
            MacroRules.RequireKeepTeams(actor, team);
            macro = Macro.ForTeam(team, actor.Id, request.Content, time.GetUtcNow());
        }
        else
        {
            MacroRules.RequireKeepOwn(actor);
            macro = Macro.Personal(actor.Id, request.Content, time.GetUtcNow());
        }

        db.Macros.Add(macro);
        await db.SaveChangesAsync(cancellationToken);
        return macro;
    }
}
