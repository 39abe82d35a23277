namespace Moment.Application.Cases;

/// <summary>Something happened on a case that these people should see at once (an offer waiting for them, an escalation).</summary>
public sealed record CaseChange(string Number, string What, IReadOnlyList<Guid> Recipients);

/// <summary>The seam to live updates: the web app pushes changes to open desks; elsewhere nothing listens.</summary>
public interface ICaseNotifications
{
    Task PublishAsync(CaseChange change, CancellationToken cancellationToken = default);
}

internal sealed class NoCaseNotifications : ICaseNotifications
{
    public Task PublishAsync(CaseChange change, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
