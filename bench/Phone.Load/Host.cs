using System.Diagnostics;
using System.Globalization;

namespace Moment.Bench.Phone;

/// <summary>The app as a process of its own (Production, logs at Warning to a file), so its memory and CPU are its own.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private AppProcess(Process process, StreamWriter log, string logPath)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
    }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static AppProcess Start(string root, string configuration, string provider, string connectionString, int port, IReadOnlyDictionary<string, string> settings)
    {
        var folder = Path.Combine(root, "src", "Web", "bin", configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "Moment.Web.dll")])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__Moment"] = connectionString;
        // Seeded by the driver through the command line before the start.
        start.Environment["Demo__Enabled"] = "false";
        // Production answers only "localhost"; the driver speaks to 127.0.0.1.
        start.Environment["AllowedHosts"] = "*";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
        var logPath = Path.Combine(Path.GetTempPath(), $"moment-phone-load-{port}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppProcess(process, log, logPath);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
            return;
        lock (log)
            log.WriteLine(line);
    }

    /// <summary>Waits for the app to answer ready (it migrates before it listens).</summary>
    public async Task WaitReadyAsync(HttpClient http, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < patience)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}; see {LogPath}.");
            try
            {
                using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            // Start-up only, not the measured path.
            await Task.Delay(250);
        }

        throw new TimeoutException($"The app was not ready within {patience}; see {LogPath}.");
    }

    /// <summary>Resident memory now and at its peak (VmRSS, VmHWM), in bytes.</summary>
    public (long Rss, long Peak) Memory()
    {
        if (_process.HasExited)
            return (0, 0);
        long Read(string key) => long.Parse(File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(key, StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return (Read("VmRSS:"), Read("VmHWM:"));
    }

    public TimeSpan Cpu()
    {
        if (_process.HasExited)
            return TimeSpan.Zero;
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
            _log.Dispose();
    }
}

/// <summary>The operator's command line (<c>moment db seed-demo</c>, <c>moment token create</c>), run on the same database.</summary>
internal static class Cli
{
    public static Task<string> CreateTokenAsync(string root, string configuration, string provider, string connectionString, string user) =>
        RunAsync(root, configuration, provider, connectionString, "token", "create", "--user", user, "--name", "phone load");

    public static async Task<string> RunAsync(string root, string configuration, string provider, string connectionString, params string[] arguments)
    {
        var folder = Path.Combine(root, "src", "Cli", "bin", configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "Moment.Cli.dll"), .. arguments])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__Moment"] = connectionString;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The command line did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"moment {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        return (await output).Trim();
    }
}

/// <summary>How busy the shared machine is: the 1-minute load average from /proc/loadavg.</summary>
internal static class Machine
{
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
