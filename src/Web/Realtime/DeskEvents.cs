using Moment.Application.Cases;

namespace Moment.Web.Realtime;

/// <summary>
/// Carries case changes to the desks that are open right now: each open desk (an interactive island on its Blazor
/// circuit, which is a SignalR connection) listens for changes addressed to its person and re-renders.
/// In-process: with several app instances, a change reaches the desks on the instance that made it, and the others
/// see it on their next refresh. A SignalR backplane (Redis) would close that gap.
/// </summary>
public sealed class DeskEvents : ICaseNotifications
{
    public event Action<CaseChange>? Changed;

    public Task PublishAsync(CaseChange change, CancellationToken cancellationToken = default)
    {
        Changed?.Invoke(change);
        return Task.CompletedTask;
    }
}
