using Moment.Application.Notifications;

namespace Moment.Web.Features.Notifications;

/// <summary>
/// The reader's cases with unread news, for every list of cases on a page to mark (<see cref="NewsMark"/>): read once per
/// request, however many lists the page has. Lists render while their page still reads, so this reads in a scope of
/// its own, never the page's DbContext.
/// </summary>
public sealed class CasesWithNews(IServiceScopeFactory scopes)
{
    private Task<IReadOnlySet<string>>? _read;

    public Task<IReadOnlySet<string>> ForAsync(Guid personId) => _read ??= ReadAsync(personId);

    private async Task<IReadOnlySet<string>> ReadAsync(Guid personId)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationViews>().CasesWithNewsAsync(personId);
    }
}
