using Npgsql;

namespace Moment.TestSupport;

/// <summary>
/// The PostgreSQL server the tests may use: <c>MOMENT_TEST_POSTGRES</c> holds a connection string for a role that may
/// create databases (<c>./test.sh</c> starts a server and sets it). Without it, PostgreSQL tests are skipped locally and fail in CI.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "MOMENT_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Call first in every PostgreSQL test: skips it when no server is configured, except in CI where that is an error.</summary>
    public static void RequireOrSkip()
    {
        if (ConnectionString is not null)
            return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"CI must test on PostgreSQL, but {Variable} is not set. Run the suite with ./test.sh.");
        Assert.Skip($"PostgreSQL is not configured ({Variable}); ./test.sh starts one.");
    }

    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException($"{Variable} is not set.");

    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(RequireConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
