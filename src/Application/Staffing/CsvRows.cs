using System.Globalization;
using CsvHelper;
using Moment.Domain;

namespace Moment.Application.Staffing;

/// <summary>
/// The lines of a small CSV file with their line numbers, for forecasts and plans. Each line is read on its own, so a
/// line number is always the line in the file and a missing closing quote cannot swallow the lines after it; CsvHelper
/// splits the line into fields, so a quoted field (<c>"4,5"</c> in a semicolon file) keeps its separator.
/// </summary>
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
            var separator = Separator(line);
            var (fields, malformed) = Fields(line, separator);
            var row = new CsvRow(i + 1, fields, separator == ';');
            // A first line that starts with a word rather than a time of day is a header.
            var isHeader = firstContentLine && row.Fields.Count > 0 && row.Fields[0].Any(char.IsLetter);
            firstContentLine = false;
            if (isHeader)
                continue;
            if (malformed is CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes)
                throw row.Error("Line {0}: a quote opens a field but nothing closes it.", field);
            // A field such as 1"0 or "10"0 is not guessed at: its number could be read two ways.
            if (malformed is not null)
                throw row.Error("Line {0}: a quote in the middle of a field: put the whole field in quotes, and double a quote inside it.", field);
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Semicolons (as spreadsheets in Swedish write CSV), else tabs (pasted from a spreadsheet), else commas; a
    /// separator inside quotes does not count.
    /// </summary>
    private static char Separator(string line)
    {
        bool semicolon = false, tab = false, quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
                quoted = !quoted;
            else if (!quoted)
            {
                semicolon |= c == ';';
                tab |= c == '\t';
            }
        }

        return semicolon ? ';' : tab ? '\t' : ',';
    }

    private static (IReadOnlyList<string> Fields, CsvMalformedReason? Malformed) Fields(string line, char separator)
    {
        CsvMalformedReason? malformed = null;
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = false,
            TrimWhitespace = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            // Recover and remember rather than throw, so that the refusal names the line and says what to do.
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record => malformed ??= record.Reason,
        };
        using var reader = CsvReader.FromText(line, options);
        if (!reader.Read())
            return ([], malformed);
        var fields = new string[reader.FieldCount];
        for (var i = 0; i < fields.Length; i++)
            fields[i] = reader.GetString(i).Trim();
        return (fields, malformed);
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
