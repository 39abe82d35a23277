using System.Globalization;

namespace Moment.Bench;

/// <summary>Shared by the benchmarks that drive PostgreSQL (linked into each).</summary>
internal static class PostgresCpu
{
    /// <summary>
    /// The CPU time of PostgreSQL's processes on this machine so far (Linux, the server local; zero elsewhere): where the
    /// database's share of a case goes, which no number of app instances divides.
    /// </summary>
    public static TimeSpan Now()
    {
        if (!Directory.Exists("/proc"))
            return TimeSpan.Zero;
        long ticks = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(folder), out _) || File.ReadAllText(Path.Combine(folder, "comm")).Trim() != "postgres")
                    continue;
                // After the command name in parentheses: state is field 3, utime and stime are fields 14 and 15.
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        // Linux reports in clock ticks of 1/100 s (USER_HZ) on every architecture .NET runs on.
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
