using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Moment.Bench.Phone;

/// <summary>What the database holds for one round's calls (its callers' numbers share a prefix).</summary>
internal sealed record RoundCount(
    int Contacts, int DistinctCallers, int CallbacksKept, int Promises, int InboundCalls, int CallsWithContact, int OutboundCalls, int OutboundEnded, int Ended, int Answered);

/// <summary>A fresh database for one run: a PostgreSQL database of its own (dropped after), or a SQLite file (deleted after).</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;
    private readonly string? _sqliteFile;

    private BenchDatabase(string connectionString, string? postgresName, string? sqliteFile)
    {
        ConnectionString = connectionString;
        _postgresName = postgresName;
        _sqliteFile = sqliteFile;
    }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string provider)
    {
        if (provider == "Sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"moment-phone-load-{Guid.NewGuid():N}.db");
            return new BenchDatabase($"Data Source={file}", null, file);
        }

        var name = $"moment_phone_load_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(Admin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new BenchDatabase(new NpgsqlConnectionStringBuilder(Admin) { Database = name, MaxPoolSize = 50 }.ConnectionString, name, null);
    }

    /// <summary>
    /// Every day 00:00–23:59:59 and no holidays, as an administrator would set it on the team's page (the calendar is one
    /// JSON column, read as a whole): outside opening hours a caller is offered a callback for later instead of the line.
    /// </summary>
    public async Task OpenAroundTheClockAsync(string team)
    {
        var calendar = JsonSerializer.Serialize(new
        {
            timeZoneId = "Europe/Stockholm",
            openingHours = Enum.GetValues<DayOfWeek>().Select(day => new { day, opens = new TimeOnly(0, 0), closes = new TimeOnly(23, 59, 59) }),
            closedOnPublicHolidays = false,
            closedOnDeFactoHolidays = false,
            extraClosedDates = Array.Empty<DateOnly>(),
        });
        var changed = await ExecuteAsync("UPDATE \"Teams\" SET \"Calendar\" = @calendar WHERE \"Name\" = @team", ("calendar", calendar), ("team", team));
        if (changed != 1)
            throw new InvalidOperationException($"No team {team} to open.");
    }

    /// <summary>The contacts, promises and calls of the callers whose numbers start with <paramref name="prefix"/>.</summary>
    public async Task<RoundCount> CountAsync(string prefix)
    {
        var like = prefix + "%";
        async Task<int> Count(string sql) => Convert.ToInt32(await ScalarAsync(sql, ("p", like)), CultureInfo.InvariantCulture);
        return new RoundCount(
            await Count("SELECT COUNT(*) FROM \"WaitingContacts\" WHERE \"Door\" = 'Phone' AND \"Phone\" LIKE @p"),
            await Count("SELECT COUNT(DISTINCT \"Phone\") FROM \"WaitingContacts\" WHERE \"Door\" = 'Phone' AND \"Phone\" LIKE @p"),
            await Count("SELECT COUNT(*) FROM \"WaitingContacts\" WHERE \"Callback\" = 'Phone' AND \"Phone\" LIKE @p"),
            await Count("SELECT COUNT(DISTINCT c.\"Id\") FROM \"Commitments\" c JOIN \"WaitingContacts\" w ON w.\"CaseId\" = c.\"CaseId\" "
                + "WHERE c.\"Kind\" = 'CallBack' AND w.\"Phone\" LIKE @p"),
            await Count("SELECT COUNT(*) FROM \"Calls\" WHERE \"Direction\" = 'Inbound' AND \"From\" LIKE @p"),
            await Count("SELECT COUNT(DISTINCT \"ContactId\") FROM \"Calls\" WHERE \"Direction\" = 'Inbound' AND \"From\" LIKE @p"),
            await Count("SELECT COUNT(*) FROM \"Calls\" WHERE \"Direction\" = 'Outbound' AND \"To\" LIKE @p"),
            await Count("SELECT COUNT(*) FROM \"Calls\" WHERE \"Direction\" = 'Outbound' AND \"State\" = 'Ended' AND \"To\" LIKE @p"),
            await Count("SELECT COUNT(*) FROM \"WaitingContacts\" WHERE \"State\" = 'Ended' AND \"Phone\" LIKE @p"),
            await Count("SELECT COUNT(*) FROM \"WaitingContacts\" WHERE \"AnsweredById\" IS NOT NULL AND \"Phone\" LIKE @p"));
    }

    /// <summary>For a round that went wrong: the steps logged for the calls of contacts not ended, one line per call.</summary>
    public async Task<IReadOnlyList<string>> UnendedAsync(string prefix)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = Command(connection,
            "SELECT w.\"Phone\", w.\"State\", COALESCE(w.\"Callback\", '-'), c.\"ProviderCallId\", c.\"Direction\", c.\"State\", COALESCE(c.\"Failure\", ''), s.\"Kind\", s.\"Turn\" "
            + "FROM \"WaitingContacts\" w JOIN \"Calls\" c ON c.\"ContactId\" = w.\"Id\" JOIN \"CallSteps\" s ON s.\"CallId\" = c.\"Id\" "
            + "WHERE w.\"Phone\" LIKE @p AND w.\"State\" <> 'Ended' ORDER BY w.\"Phone\", c.\"Direction\", s.\"Id\"", [("p", prefix + "%")]);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<(string Key, string Step)>();
        while (await reader.ReadAsync())
            lines.Add(($"{reader.GetString(0)} contact {reader.GetString(1)} callback {reader.GetString(2)}; {reader.GetString(4)} call {reader.GetString(3)} {reader.GetString(5)} {reader.GetString(6)}:",
                $"{reader.GetString(7)}/{reader.GetInt32(8)}"));
        return lines.GroupBy(l => l.Key).Select(g => $"{g.Key} {string.Join(' ', g.Select(l => l.Step))}").ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            await using var admin = new NpgsqlConnection(Admin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                File.Delete(file);
        }
    }

    private static string Admin => Environment.GetEnvironmentVariable("MOMENT_TEST_POSTGRES") ?? throw new InvalidOperationException("Set MOMENT_TEST_POSTGRES.");

    private DbConnection Connect() => _postgresName is not null ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);

    private async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
