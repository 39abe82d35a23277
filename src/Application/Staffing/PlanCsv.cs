using System.Globalization;
using Moment.Domain;
using Moment.Domain.Staffing;

namespace Moment.Application.Staffing;

/// <summary>
/// A staffing plan as a CSV file for a forecast: one line per forecast interval, interval start and agents
/// (<c>07:00,40</c>), or a single number for the same agents all day. Header, blank and <c>#</c> lines are skipped;
/// every error names its line.
/// </summary>
public static class PlanCsv
{
    public static StaffingPlan Parse(string? text, StaffingForecast forecast, string field = "Plan")
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var rows = CsvRows.Read(text, field, ForecastCsv.MaxLength);
        if (rows.Count == 0)
            throw new DomainRuleException("The plan is empty: give one line per interval (start, agents), or one number of agents for the whole day.", field);
        if (rows is [{ Fields.Count: 1 } only])
            return StaffingPlan.Constant(Agents(only, 0, field), forecast.Intervals.Count);

        var agents = new List<int>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Fields.Count != 2)
                throw row.Error("Line {0}: expected 2 columns: interval start, agents.", field);
            if (i >= forecast.Intervals.Count)
                throw row.Error("Line {0}: the forecast has only {1} intervals.", field, forecast.Intervals.Count);
            var expected = forecast.Intervals[i].Start;
            if (row.Time(0, field) != expected)
                throw row.Error("Line {0}: expected the interval starting {1:HH:mm}, as in the forecast.", field, expected);
            agents.Add(Agents(row, 1, field));
        }

        if (agents.Count != forecast.Intervals.Count)
            throw new DomainRuleException("The plan has {0} intervals but the forecast has {1}: give one line per forecast interval.", field, agents.Count, forecast.Intervals.Count);
        return new StaffingPlan(null, agents);
    }

    private static int Agents(CsvRow row, int index, string field) =>
        int.TryParse(row.Fields[index], NumberStyles.None, CultureInfo.InvariantCulture, out var agents) && agents <= StaffingPlan.MaxAgents
            ? agents
            : throw row.Error("Line {0}: '{1}' is not a number of agents from 0 to {2}.", field, row.Fields[index], StaffingPlan.MaxAgents);
}
