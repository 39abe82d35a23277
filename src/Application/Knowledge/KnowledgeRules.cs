using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Knowledge;

namespace Moment.Application.Knowledge;

/// <summary>
/// Who may do what with knowledge articles, decided once. Whoever serves customers writes and improves articles (the
/// one who just used an answer is the one who knows it is wrong). What customers read is answered for by someone:
/// making an article public, or changing one that is, is for its owner or a team lead, manager or administrator.
/// Leadership reads.
/// </summary>
public static class KnowledgeRules
{
    public static bool MayWrite(Actor actor) => actor.ServesCustomers;

    public static bool MayPublish(Actor actor, Guid ownerId) => actor.IsLeading || (actor.ServesCustomers && actor.Id == ownerId);

    public static void EnsureMayWrite(Actor actor)
    {
        if (!MayWrite(actor))
            throw new ForbiddenException("Only staff who serve customers write knowledge articles.");
    }

    /// <summary>Whether this save touches what customers read: a public article, before or after.</summary>
    public static void EnsureMaySave(Actor actor, KnowledgeArticle? before, ArticleVisibility after, Guid ownerAfter)
    {
        EnsureMayWrite(actor);
        var touchesPublic = after == ArticleVisibility.Public || before is { IsPublic: true };
        if (touchesPublic && !MayPublish(actor, before?.OwnerId ?? ownerAfter))
            throw new ForbiddenException("Only the article's owner or a team lead changes what customers read.");
    }
}
