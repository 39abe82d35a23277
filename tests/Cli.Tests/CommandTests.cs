using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application;
using Moment.Application.ApiTokens;
using Moment.Application.Data;
using Moment.Application.Demo;
using Moment.TestSupport;

namespace Moment.Cli.Tests;

public abstract class CommandTests(CliDatabase database) : IAsyncLifetime
{
    public ValueTask InitializeAsync()
    {
        if (database.Provider == DatabaseProvider.Postgres)
            PostgresServer.RequireOrSkip();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task DbMigrate_OnAnUpToDateDatabase_SaysSo()
    {
        var run = await CliRun.RunAsync(database.Database, "db", "migrate");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"The {database.Provider} database is up to date.", run.Output.Trim());
    }

    [Fact]
    public async Task UsersList_Json_PrintsEveryMemberWithEmailRolesAndTeam()
    {
        var run = await CliRun.RunAsync(database.Database, "users", "list", "--json");

        Assert.Equal(0, run.ExitCode);
        var users = JsonDocument.Parse(run.Output).RootElement;
        var emails = users.EnumerateArray().Select(u => u.GetProperty("email").GetString()!).ToHashSet();
        Assert.Superset(DemoAccounts.All.Select(a => a.Email).ToHashSet(), emails);
        var kim = users.EnumerateArray().Single(u => u.GetProperty("email").GetString() == "kim.aberg@moment.test");
        Assert.Equal("Business customers", kim.GetProperty("team").GetString());
        Assert.Equal(["Agent"], kim.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task TokenCreate_PrintsASecretThatAuthenticatesAsTheUser()
    {
        var run = await CliRun.RunAsync(database.Database, "token", "create", "--user", "lina.strom@moment.test", "--name", "nightly export");

        Assert.Equal(0, run.ExitCode);
        var secret = run.Output.Trim();
        Assert.StartsWith("mt_", secret, StringComparison.Ordinal);
        Assert.Contains("cannot be shown again", run.Error, StringComparison.Ordinal);
        var services = new ServiceCollection().AddLogging().AddMomentDatabase(database.Database.Settings);
        services.AddMomentApplication();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var check = await scope.ServiceProvider.GetRequiredService<AuthenticateApiToken>().HandleAsync(secret, TestContext.Current.CancellationToken);
        Assert.Equal("lina.strom@moment.test", check.Staff?.Email);
    }

    [Fact]
    public async Task TokenCreate_ForUnknownUser_ExitsWith2AndOneLine()
    {
        var run = await CliRun.RunAsync(database.Database, "token", "create", "--user", "nobody@moment.test", "--name", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: No member of staff has the email address nobody@moment.test.", run.Error.Trim());
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task TokenCreate_WithoutName_ExitsWith2()
    {
        var run = await CliRun.RunAsync(database.Database, "token", "create", "--user", "lina.strom@moment.test");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--name", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenRevoke_StopsTheToken()
    {
        var created = await CliRun.RunAsync(database.Database, "token", "create", "--user", "omar.said@moment.test", "--name", "to revoke");
        var list = await CliRun.RunAsync(database.Database, "token", "list", "--user", "omar.said@moment.test");
        var id = list.Output.Split(' ', 2)[0];

        var revoke = await CliRun.RunAsync(database.Database, "token", "revoke", "--user", "omar.said@moment.test", "--id", id);
        var after = await CliRun.RunAsync(database.Database, "token", "list", "--user", "omar.said@moment.test");

        Assert.Equal(0, created.ExitCode);
        Assert.Equal(0, revoke.ExitCode);
        Assert.Contains("revoked", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_TheFirstAdministrator_CanBeListed()
    {
        var run = await CliRun.RunAsync(database.Database, "users", "add", "--email", "ops@moment.test", "--name", "Olle Ops",
            "--role", "Administrator", "--password", "Ops-password-2026");
        var list = await CliRun.RunAsync(database.Database, "users", "list", "--json");

        Assert.Equal(0, run.ExitCode);
        var olle = JsonDocument.Parse(list.Output).RootElement.EnumerateArray().Single(u => u.GetProperty("email").GetString() == "ops@moment.test");
        Assert.Equal(["Administrator"], olle.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }
}

public sealed class CommandTestsOnSqlite(SqliteCliDatabase database) : CommandTests(database), IClassFixture<SqliteCliDatabase>;

public sealed class CommandTestsOnPostgres(PostgresCliDatabase database) : CommandTests(database), IClassFixture<PostgresCliDatabase>;
