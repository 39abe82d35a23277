using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application;
using Moment.Application.ApiTokens;
using Moment.Application.Staff;

namespace Moment.Cli.ApiTokens;

/// <summary><c>moment token create|list|revoke</c>: personal API tokens, for setting up scripts and integrations.</summary>
internal static class TokenCommands
{
    public static Command Create(CliConsole console)
    {
        var user = new Option<string>("--user") { Description = "The email address of the member of staff the token acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for, e.g. 'nightly export'.", Required = true };
        var expires = new Option<DateTimeOffset?>("--expires") { Description = "When the token stops working (ISO 8601), e.g. 2027-01-31." };
        var create = new Command("create", "Creates a token and prints it once; only its hash is stored.") { user, name, expires };
        create.SetAction((parse, ct) => console.WithApplicationAsync(async services =>
        {
            var created = await services.GetRequiredService<CreateApiToken>()
                .HandleAsync(new CreateApiTokenRequest(parse.GetValue(user)!, parse.GetValue(name)!, parse.GetValue(expires)), ct);
            // The secret alone on stdout, so that a script can capture it; the advice goes to stderr.
            await console.Output.WriteLineAsync(created.Secret);
            await console.Error.WriteLineAsync($"Token '{created.Name}' ({created.Id}) created. Store it now: it cannot be shown again.");
            return MomentCli.Ok;
        }, ct));

        var listUser = new Option<string>("--user") { Description = "The email address of the member of staff.", Required = true };
        var list = new Command("list", "Lists a member of staff's tokens (never their secrets).") { listUser };
        list.SetAction((parse, ct) => console.WithApplicationAsync(async services =>
        {
            var owner = await FindUserIdAsync(services, parse.GetValue(listUser)!, ct);
            foreach (var token in await services.GetRequiredService<ListApiTokens>().HandleAsync(owner, ct))
            {
                var state = token.RevokedAt is null ? "active" : "revoked";
                await console.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{token.Id}  {token.Prefix}…  {state,-7}  {token.CreatedAt:yyyy-MM-dd}  {token.Name}"));
            }

            return MomentCli.Ok;
        }, ct));

        var revokeUser = new Option<string>("--user") { Description = "The email address of the token's owner.", Required = true };
        var id = new Option<Guid>("--id") { Description = "The token's id (see 'token list').", Required = true };
        var revoke = new Command("revoke", "Revokes a token at once.") { revokeUser, id };
        revoke.SetAction((parse, ct) => console.WithApplicationAsync(async services =>
        {
            var owner = await FindUserIdAsync(services, parse.GetValue(revokeUser)!, ct);
            await services.GetRequiredService<RevokeApiToken>().HandleAsync(owner, parse.GetValue(id), ct);
            await console.Output.WriteLineAsync("Token revoked.");
            return MomentCli.Ok;
        }, ct));

        return new Command("token", "Personal API tokens.") { create, list, revoke };
    }

    private static async Task<Guid> FindUserIdAsync(IServiceProvider services, string email, CancellationToken ct)
    {
        var card = await services.GetRequiredService<StaffCards>().FindByEmailAsync(email, ct);
        return card?.Id ?? throw new NotFoundException("No member of staff has the email address {0}.", email);
    }
}
