using System.Globalization;
using Moment.Domain;

namespace Moment.Application.Staffing;

/// <summary>The lines of a small CSV file with their line numbers, for forecasts and plans.</summary>
internal static class CsvRows
{
    public static IReadOnlyList<CsvRow> Read(string? text, string field, int maxLength)
    {
        if (text is not null && text.Length > maxLength)
            throw new DomainRuleException("The file is too long (at most {0} characters).", field, maxLength);
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
    /// <summary>A refusal that names the line: <paramref name="format"/> starts with "Line {0}:", the line's number.</summary>
    public DomainRuleException Error(string format, string field, params object?[] arguments) => new(format, field, [Line, .. arguments]);

    /// <summary>The field with a decimal comma turned into a point when the file uses semicolons.</summary>
    public string Normalised(int index) => DecimalComma ? Fields[index].Replace(',', '.') : Fields[index];

    public TimeOnly Time(int index, string field) =>
        TimeOnly.TryParseExact(Fields[index], ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw Error("Line {0}: '{1}' is not a time of day (use hh:mm, such as 07:30).", field, Fields[index]);

    /// <summary>The field as a number; otherwise <paramref name="refusal"/> ("Line {0}: '{1}' is not …": the line, the field as written).</summary>
    public double Number(int index, string refusal, string field) =>
        double.TryParse(Normalised(index), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw Error(refusal, field, Fields[index]);

    /// <summary>A duration with a unit (<c>4m30s</c>), or a plain number of seconds; otherwise <paramref name="refusal"/>, as for <see cref="Number"/>.</summary>
    public TimeSpan Duration(int index, string refusal, string field)
    {
        var text = Normalised(index);
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= DurationText.Longest.TotalSeconds)
            return TimeSpan.FromSeconds(seconds);
        return DurationText.TryParse(text, out var duration) ? duration : throw Error(refusal, field, Fields[index]);
    }
}
