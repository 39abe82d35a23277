using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Staff;

namespace Moment.TestSupport;

/// <summary>A demo account as the use cases take it: who, team and roles, as the web finds them for a signed-in person.</summary>
public static class Actors
{
    public static async Task<Actor> ActorAsync(this IServiceProvider services, string email) =>
        Actor.Of(await services.GetRequiredService<StaffCards>().FindByEmailAsync(email, TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"No demo account {email}."));

    public static Task<Actor> ActorAsync(this AsyncServiceScope scope, string email) => scope.ServiceProvider.ActorAsync(email);
}
