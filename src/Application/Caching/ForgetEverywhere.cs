using Moment.Application.ApiTokens;
using Moment.Application.Staff;

namespace Moment.Application.Caching;

/// <summary>What a change made stale in the short-lived caches: a revoked token, a changed member of staff, a changed team.</summary>
public enum StaleKind
{
    ApiToken,
    StaffMember,
    Team,
}

/// <summary>One stale entry: <see cref="Key"/> is a token's hash, or a member of staff's or a team's id.</summary>
public sealed record StaleEntry(StaleKind Kind, string Key);

/// <summary>
/// The other instances of Moment that share this one's database. One instance alone has none (<see cref="NoOtherInstances"/>);
/// with Redis configured the web app tells them over a channel every instance listens to.
/// </summary>
public interface IOtherInstances
{
    /// <summary>Tells every other instance that <paramref name="entry"/> is stale. Best effort: an instance that misses it still forgets within <see cref="ShortLivedCache{TKey, TValue}.Freshness"/>.</summary>
    Task TellAsync(StaleEntry entry, CancellationToken cancellationToken);
}

/// <summary>One instance alone: nobody else to tell.</summary>
public sealed class NoOtherInstances : IOtherInstances
{
    public Task TellAsync(StaleEntry entry, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Forgets a stale cache entry on this instance at once and tells the other instances to forget it too, so that a revoked
/// token or a deactivated person is refused everywhere at once rather than after <see cref="ShortLivedCache{TKey, TValue}.Freshness"/>.
/// Called after the change is committed: an instance that reads between the commit and the news reads the new truth anyway.
/// </summary>
public sealed class ForgetEverywhere(ShortLivedCache<string, ValidApiToken> tokens, ShortLivedCache<Guid, StaffCard> cards, IOtherInstances others)
{
    public Task ApiTokenAsync(string hash, CancellationToken cancellationToken = default) =>
        ForgetAsync(new StaleEntry(StaleKind.ApiToken, hash), cancellationToken);

    public Task StaffMemberAsync(Guid id, CancellationToken cancellationToken = default) =>
        ForgetAsync(new StaleEntry(StaleKind.StaffMember, id.ToString()), cancellationToken);

    /// <summary>A team's name is on the cards of everyone in it.</summary>
    public Task TeamAsync(Guid id, CancellationToken cancellationToken = default) =>
        ForgetAsync(new StaleEntry(StaleKind.Team, id.ToString()), cancellationToken);

    /// <summary>Forgets on this instance only: what another instance said is stale.</summary>
    public void Forget(StaleEntry entry)
    {
        switch (entry.Kind)
        {
            case StaleKind.ApiToken:
                tokens.Forget(entry.Key);
                break;
            case StaleKind.StaffMember when Guid.TryParse(entry.Key, out var id):
                cards.Forget(id);
                break;
            case StaleKind.Team when Guid.TryParse(entry.Key, out var teamId):
                cards.ForgetWhere(card => card.TeamId == teamId);
                break;
            default:
                // A key that is not an id (news from a newer or broken sender): forget every card rather than keep a stale one.
                cards.ForgetAll();
                break;
        }
    }

    /// <summary>Forgets every entry on this instance: after a time in which news from the others may have been lost.</summary>
    public void ForgetEverythingHere()
    {
        tokens.ForgetAll();
        cards.ForgetAll();
    }

    private async Task ForgetAsync(StaleEntry entry, CancellationToken cancellationToken)
    {
        Forget(entry);
        await others.TellAsync(entry, cancellationToken);
    }
}
