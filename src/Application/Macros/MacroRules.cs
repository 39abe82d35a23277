using Moment.Application.Cases;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Macros;

namespace Moment.Application.Macros;

/// <summary>
/// Who may do what with canned replies, decided once. Everyone who works cases keeps their own; a team's are kept by its
/// team lead (or a manager or an administrator, who stand above every team) and used by its members. A person's own macros
/// are nobody else's business: to anyone else they do not exist (404), while another team's are refused (403).
/// </summary>
public static class MacroRules
{
    /// <summary>Whether <paramref name="actor"/> may insert the macro into a reply.</summary>
    public static bool MayUse(Actor actor, Macro macro) =>
        CaseRules.MayWork(actor) && (macro.OwnerId == actor.Id || (macro.TeamId is { } team && (team == actor.TeamId || actor.ManagesAll)));

    /// <summary>Whether <paramref name="actor"/> may write, change and delete the team's macros.</summary>
    public static bool MayKeepTeams(Actor actor, Guid? teamId) => CaseRules.MayWork(actor) && teamId is not null && actor.Leads(teamId);

    public static void RequireKeepOwn(Actor actor)
    {
        if (!CaseRules.MayWork(actor))
            throw new ForbiddenException("Only staff who serve customers keep canned replies.");
    }

    public static void RequireKeepTeams(Actor actor, Guid teamId)
    {
        if (!MayKeepTeams(actor, teamId))
            throw new ForbiddenException("Only the team lead of the macro's team or a manager can change a team's canned replies.");
    }

    /// <summary>Refuses a change to a macro that is not the actor's own or one of a team they lead.</summary>
    public static void RequireKeep(Actor actor, Macro macro)
    {
        if (macro.OwnerId is { } owner)
        {
            if (owner != actor.Id)
                throw new NotFoundException("There is no such canned reply.");
            RequireKeepOwn(actor);
            return;
        }

        RequireKeepTeams(actor, macro.TeamId!.Value);
    }

    public static void RequireUse(Actor actor, Macro macro)
    {
        if (macro.OwnerId is { } owner && owner != actor.Id)
            throw new NotFoundException("There is no such canned reply.");
        if (!MayUse(actor, macro))
            throw new ForbiddenException("This canned reply belongs to another team.");
    }
}
