using System.Globalization;
using Moment.Domain;

namespace Moment.Application.Staffing;

/// <summary>The lines of a small CSV file with their line numbers, for forecasts and plans.</summary>
internal static class CsvRows
{
    public static IReadOnlyList<CsvRow> Read(string? text, string field, int maxLength)
    {
        if (text is not null && text.Length > maxLength)
            throw new DomainRuleException($"The file is too long (at most {maxLength} characters).", field);
        var rows = new List<CsvRow>();
        var firstContentLine = true;
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().Trim('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var semicolons = line.Contains(';', StringComparison.Ordinal);
            var fields = line.Split(semicolons ? ';' : line.Contains('\t', StringComparison.Ordinal) ? '\t' : ',');
            var row = new CsvRow(i + 1, fields.Select(f => f.Trim().Trim('"').Trim()).ToList(), semicolons);
            // A first line that starts with a word rather than a time of day is a header.
            var isHeader = firstContentLine && row.Fields[0].Any(char.IsLetter);
            firstContentLine = false;
            if (!isHeader)
                rows.Add(row);
        }

        return rows;
    }
}

/// <summary>One line of a CSV file: its number (from 1) and its fields.</summary>
internal sealed record CsvRow(int Line, IReadOnlyList<string> Fields, bool DecimalComma)
{
    public DomainRuleException Error(string problem, string field) => new($"Line {Line}: {problem}.", field);

    /// <summary>The field with a decimal comma turned into a point when the file uses semicolons.</summary>
    public string Normalised(int index) => DecimalComma ? Fields[index].Replace(',', '.') : Fields[index];

    public TimeOnly Time(int index, string field) =>
        TimeOnly.TryParseExact(Fields[index], ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw Error($"'{Fields[index]}' is not a time of day (use hh:mm, such as 07:30)", field);

    public double Number(int index, string what, string field) =>
        double.TryParse(Normalised(index), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw Error($"'{Fields[index]}' is not {what}", field);

    /// <summary>A duration with a unit (<c>4m30s</c>), or a plain number of seconds.</summary>
    public TimeSpan Duration(int index, string what, string field)
    {
        var text = Normalised(index);
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= DurationText.Longest.TotalSeconds)
            return TimeSpan.FromSeconds(seconds);
        return DurationText.TryParse(text, out var duration) ? duration : throw Error($"'{Fields[index]}' is not {what}", field);
    }
}
