using System.Globalization;
using System.Text;
using Moment.Domain;
using Moment.Domain.Staffing;

namespace Moment.Application.Staffing;

/// <summary>
/// A contact forecast as a CSV file, one interval a line: interval start (<c>hh:mm</c>), contacts, average handle time
/// (<c>4m30s</c>, or a plain number of seconds). A header line, blank lines and lines starting with <c>#</c> are skipped.
/// Columns are separated by commas, tabs, or semicolons (then a decimal comma is fine, as spreadsheets in Swedish write it);
/// a field may be quoted (<c>"4,5"</c>), and a separator inside quotes is part of the field.
/// The interval length follows from the starts; a one-line forecast is a 30-minute interval.
/// Every error names its line.
/// </summary>
public static class ForecastCsv
{
    public const int MaxLength = 100_000;

    public static StaffingForecast Parse(string? text, string field = "Forecast")
    {
        var rows = CsvRows.Read(text, field, MaxLength);
        if (rows.Count == 0)
            throw new DomainRuleException("The forecast is empty: give one line per interval (start, contacts, average handle time).", field);

        var intervals = new List<ForecastInterval>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Fields.Count != 3)
                throw row.Error("Line {0}: expected 3 columns: interval start, contacts, average handle time.", field);
            var start = row.Time(0, field);
            var contacts = row.Number(1, "Line {0}: '{1}' is not a number of contacts.", field);
            if (contacts < 0)
                throw row.Error("Line {0}: the number of contacts cannot be negative.", field);
            var handleTime = row.Duration(2, "Line {0}: '{1}' is not an average handle time (such as 4m30s, or 270 for seconds).", field);
            if (handleTime <= TimeSpan.Zero || handleTime > DurationText.Longest)
                throw row.Error("Line {0}: the average handle time must be longer than zero and at most a day.", field);
            intervals.Add(new ForecastInterval(start, contacts, handleTime));
        }

        var length = intervals.Count > 1 ? intervals[1].Start - intervals[0].Start : TimeSpan.FromMinutes(30);
        if (!StaffingForecast.IntervalLengths.Contains(length))
            throw rows[1].Error("Line {0}: intervals must be 15, 30 or 60 minutes apart.", field);
        for (var i = 1; i < intervals.Count; i++)
        {
            var expected = intervals[0].Start.ToTimeSpan() + length * i;
            if (expected >= TimeSpan.FromDays(1))
                throw rows[i].Error("Line {0}: the forecast must end by midnight.", field);
            if (intervals[i].Start.ToTimeSpan() != expected)
                throw rows[i].Error("Line {0}: expected the interval starting {1:HH:mm}, every {2} minutes.", field, TimeOnly.FromTimeSpan(expected), (int)length.TotalMinutes);
        }

        return new StaffingForecast(length, intervals);
    }

    /// <summary>The forecast as <see cref="Parse"/> reads it.</summary>
    public static string Write(StaffingForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var csv = new StringBuilder("start,contacts,aht\n");
        foreach (var interval in forecast.Intervals)
            csv.Append(CultureInfo.InvariantCulture, $"{interval.Start:HH:mm},{interval.Contacts:0.###},{DurationText.Format(interval.AverageHandleTime)}\n");
        return csv.ToString();
    }
}
