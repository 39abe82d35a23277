using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Moment.Bench.DeskMillion;

/// <summary>
/// Runs <c>EXPLAIN (ANALYZE, BUFFERS)</c> of every query the app sends, with its own parameters, just before the query
/// itself: the plans are those of the app's statements as EF writes them, not of hand-written look-alikes.
/// </summary>
internal sealed class PlanRecorder : DbCommandInterceptor
{
    private readonly StringBuilder _plans = new();

    public string Label { get; set; } = "";

    public string Plans => _plans.ToString();

    /// <summary>One line a statement: where it was asked, its plan's top node and what PostgreSQL says it took.</summary>
    public List<string> Summary { get; } = [];

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await ExplainAsync(command, cancellationToken);
        return result;
    }

    private async Task ExplainAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var explain = command.Connection!.CreateCommand();
        explain.Transaction = command.Transaction;
        explain.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText;
        foreach (NpgsqlParameter parameter in command.Parameters)
            explain.Parameters.Add(parameter.Clone());
        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                lines.Add(reader.GetString(0));
        }

        _plans.Append("== ").AppendLine(Label).AppendLine(command.CommandText).AppendLine("--");
        foreach (var line in lines)
            _plans.AppendLine(line);
        _plans.AppendLine();
        var top = lines[0].Split("  (cost", 2)[0].Trim();
        var took = lines.LastOrDefault(l => l.StartsWith("Execution Time", StringComparison.Ordinal)) ?? "";
        var nodes = string.Join(", ", lines.Select(l => l.TrimStart(' ', '-', '>'))
            .Where(l => l.Contains("Scan", StringComparison.Ordinal) && !l.StartsWith("Buffers", StringComparison.Ordinal))
            .Select(l => l.Split("  (cost", 2)[0]).Distinct().Take(4));
        Summary.Add(string.Create(CultureInfo.InvariantCulture, $"{Label,-34} {took,-26} {top} | {nodes}"));
    }
}
