using System.Text.RegularExpressions;

namespace Moment.Web.Tests.Localization;

/// <summary>
/// Times are shown on the reader's clock (<c>Clocks</c>), never on the server's: a server on UTC told an agent at 02:31
/// to "answer before 02:01". The source is read, so a new <c>ToLocalTime()</c> fails here, not on a night shift.
/// </summary>
public sealed partial class ClockRuleTests
{
    [Fact]
    public void Sources_NeverReadTheServersTimeZone()
    {
        var root = FindRoot();
        var offenders =
            from file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            where file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".razor", StringComparison.Ordinal)
            let relative = Path.GetRelativePath(root, file)
            where !relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "Migrations")
            from line in File.ReadLines(file).Select((text, index) => (text, number: index + 1))
            where ServersZone().IsMatch(line.text)
            select $"{relative}:{line.number}: {line.text.Trim()}";

        Assert.True(!offenders.Any(), "The server's time zone is read here; show times on a Clock (Moment.Web.Localization.Clocks):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheScan_FindsWhatItLooksFor()
    {
        Assert.Matches(ServersZone(), "@offer.ExpiresAt.ToLocalTime().ToString(\"t\")");
        Assert.Matches(ServersZone(), "var zone = TimeZoneInfo.Local;");
        Assert.Matches(ServersZone(), "private DateTimeOffset Now => Time.GetLocalNow();");
        Assert.Matches(ServersZone(), "at.LocalDateTime");
        Assert.Matches(ServersZone(), "FindSystemTimeZoneById(\"Europe/Stockholm\")");
        Assert.DoesNotMatch(ServersZone(), "Clock.DateAndTime(entry.At)");
    }

    // Stockholm written out in src is a second copy of the Swedish calendar's zone (BusinessCalendarSettings keeps it).
    [GeneratedRegex(@"\.ToLocalTime\(|TimeZoneInfo\.Local\b|\.GetLocalNow\(|\.LocalDateTime\b|FindSystemTimeZoneById\(""Europe/Stockholm""\)")]
    private static partial Regex ServersZone();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Moment.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Moment.slnx not found above " + AppContext.BaseDirectory);
    }
}
