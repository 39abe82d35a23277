using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.ApiTokens;

namespace Moment.TestSupport;

public static class ApiClients
{
    /// <summary>Creates a personal API token for a demo account, the way <c>moment token create</c> does.</summary>
    public static async Task<string> CreateTokenAsync(this MomentApp app, string email, DateTimeOffset? expiresAt = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateApiToken>()
            .HandleAsync(new CreateApiTokenRequest(email, "test", expiresAt));
        return created.Secret;
    }

    /// <summary>An HTTP client that calls the API as the given demo account.</summary>
    public static async Task<HttpClient> ClientForAsync(this MomentApp app, string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.CreateTokenAsync(email));
        return client;
    }
}
