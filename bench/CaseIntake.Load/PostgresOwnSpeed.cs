using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Moment.Bench.CaseIntake;

/// <summary>
/// What PostgreSQL itself does on this machine, measured with <c>pgbench</c> in the same run, at the same concurrency (8
/// clients over TCP, no app in between): a one-row insert into a bare table, and the rows of one new case (the case and
/// its first two timeline entries, in one statement and one commit, into Moment's real tables with all their indexes).
/// The first is the yardstick the intake goal was set against; the second is the ceiling intake can reach at all.
/// </summary>
internal static partial class PostgresOwnSpeed
{
    public static async Task MeasureAsync(string connectionString, int seconds)
    {
        var pgbench = new[] { "pgbench" }.Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pgbench"))
                : [])
            .FirstOrDefault(p => p == "pgbench" ? OnPath("pgbench") : File.Exists(p));
        if (pgbench is null)
        {
            Console.WriteLine("pgbench not found (Debian: postgresql-client); PostgreSQL's own speed not measured.");
            return;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "CREATE TABLE bench_one_row (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, written_at timestamptz NOT NULL DEFAULT now(), text text NOT NULL)");
        var oneRow = "INSERT INTO bench_one_row (text) VALUES ('Landline dead');\n";
        var caseRows = await CaseRowsScriptAsync(connection);

        foreach (var (name, script) in new[] { ("one-row insert", oneRow), ("one case's rows", caseRows) })
        {
            var file = Path.GetTempFileName();
            await File.WriteAllTextAsync(file, script);
            try
            {
                var tps = await RunAsync(pgbench, connectionString, file, seconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pgbench  concurrency 8: {name}: {tps:0} transactions/s (8 clients over TCP, {seconds} s)"));
            }
            finally
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>
    /// An insert of a copy of the latest case and its two first timeline entries, every column as the app wrote it (typed
    /// literals), with a new id, number and customer token: one statement, so one commit, as the app's batch of one.
    /// </summary>
    private static async Task<string> CaseRowsScriptAsync(NpgsqlConnection connection)
    {
        var template = (Guid)(await ScalarAsync(connection, "SELECT \"Id\" FROM \"Cases\" ORDER BY \"CreatedAt\" DESC LIMIT 1"))!;
        var caseColumns = await ColumnsAsync(connection, "Cases");
        var eventColumns = (await ColumnsAsync(connection, "CaseEvents")).Where(c => c.Name != "Id").ToList();
        var caseValues = (await LiteralsAsync(connection, "Cases", caseColumns, $"\"Id\" = '{template}'")).Single();
        var events = await LiteralsAsync(connection, "CaseEvents", eventColumns, $"\"CaseId\" = '{template}' ORDER BY \"Id\" LIMIT 2");

        string CaseValue(int i) => caseColumns[i].Name switch
        {
            "Id" => "gen_random_uuid()",
            "Number" => "'B-' || nextval('case_numbers')",
            "CustomerToken" => "md5(random()::text) || md5(random()::text)",
            _ => caseValues[i],
        };
        string EventValue(string[] row, int i) => eventColumns[i].Name == "CaseId" ? "c.\"Id\"" : row[i];
        var script = new StringBuilder();
        script.Append("WITH c AS (INSERT INTO \"Cases\" (").AppendJoin(", ", caseColumns.Select(c => $"\"{c.Name}\"")).Append(") VALUES (")
            .AppendJoin(", ", caseColumns.Select((_, i) => CaseValue(i))).Append(") RETURNING \"Id\") ");
        script.Append("INSERT INTO \"CaseEvents\" (").AppendJoin(", ", eventColumns.Select(c => $"\"{c.Name}\"")).Append(") ");
        script.AppendJoin(" UNION ALL ", events.Select(row => $"SELECT {string.Join(", ", eventColumns.Select((_, i) => EventValue(row, i)))} FROM c"));
        return script.Append(";\n").ToString();
    }

    private sealed record Column(string Name, string Type);

    /// <summary>The columns an insert gives: not generated, not an identity, not one PostgreSQL fills in itself (the feed's transaction id).</summary>
    private static async Task<List<Column>> ColumnsAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
            WHERE a.attrelid = @table::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' AND a.attidentity = ''
              AND a.attname <> 'TransactionId'
            ORDER BY a.attnum
            """, connection);
        command.Parameters.AddWithValue("table", $"\"{table}\"");
        var columns = new List<Column>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            columns.Add(new Column(reader.GetString(0), reader.GetString(1)));
        return columns;
    }

    private static async Task<List<string[]>> LiteralsAsync(NpgsqlConnection connection, string table, List<Column> columns, string where)
    {
        var select = string.Join(", ", columns.Select(c => $"quote_nullable(\"{c.Name}\"::text) || '::{c.Type}'"));
        await using var command = new NpgsqlCommand($"SELECT {select} FROM \"{table}\" WHERE {where}", connection);
        var rows = new List<string[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add([.. Enumerable.Range(0, columns.Count).Select(reader.GetString)]);
        return rows;
    }

    private static async Task<double> RunAsync(string pgbench, string connectionString, string script, int seconds)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(pgbench)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-n", "-h", target.Host!, "-p", target.Port.ToString(CultureInfo.InvariantCulture), "-U", target.Username!,
                     "-c", "8", "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script, target.Database! })
            start.ArgumentList.Add(argument);
        start.Environment["PGPASSWORD"] = target.Password;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var tps = Tps().Match(output);
        if (process.ExitCode != 0 || !tps.Success)
            throw new InvalidOperationException($"pgbench failed ({process.ExitCode}): {errors}{output}");
        return double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(folder => File.Exists(Path.Combine(folder, program)));

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
