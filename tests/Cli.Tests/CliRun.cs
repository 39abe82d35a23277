using Microsoft.Extensions.Configuration;
using Moment.Application.Data;
using Moment.TestSupport;

namespace Moment.Cli.Tests;

/// <summary>Runs <c>moment</c> in-process against a test database, capturing what it prints.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(TestDatabase database, params string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Provider.ToString(),
                ["ConnectionStrings:Moment"] = database.ConnectionString,
            })
            .Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MomentCli.RunAsync(args, output, error, configuration, TestContext.Current.CancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}

/// <summary>One database per test class, filled with demo data the way an operator would: <c>moment db seed-demo</c>.</summary>
public class CliDatabase(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    public DatabaseProvider Provider { get; } = provider;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && PostgresServer.ConnectionString is null)
            return;
        _database = await TestDatabase.CreateAsync(Provider);
        var seeded = await CliRun.RunAsync(_database, "db", "seed-demo");
        if (seeded.ExitCode != 0)
            throw new InvalidOperationException("seed-demo failed: " + seeded.Error);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteCliDatabase() : CliDatabase(DatabaseProvider.Sqlite);

public sealed class PostgresCliDatabase() : CliDatabase(DatabaseProvider.Postgres);
