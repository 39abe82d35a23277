using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace Moment.Bench.Chat;

internal static class LoadDriver
{
    private const string Astrid = "astrid.lind@moment.test";   // Administrator: creates the queue
    private const string Nora = "nora.vik@moment.test";       // TeamLead, Chat: equips the agent
    private const string Lina = "lina.strom@moment.test";     // Agent, Chat: serves the queue

    private static async Task<int> Main(string[] args)
    {
        // Usage: dotnet run -c Release --project bench/Chat.Load -- [postgres] [connections, e.g. 1000,5000,10000] [rounds] [timeout seconds] [budget seconds]
        // The budget bounds starting the chats and connecting, each: a step that cannot get there in time says how far it got.
        // PostgreSQL needs MOMENT_TEST_POSTGRES (a role that may create databases). Raise the shell's open-file limit first
        // (ulimit -n 65536): the driver and the app each hold one socket per connection.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Moment.slnx")))
            root = root.Parent;
        if (root is null)
            throw new InvalidOperationException("Run from the repository (Moment.slnx not found above the driver).");
        // The app and the command line were built with the driver, in its configuration (bin/<configuration>/net10.0).
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var provider = string.Equals(args.ElementAtOrDefault(0), "sqlite", StringComparison.OrdinalIgnoreCase) ? "Sqlite" : "Postgres";
        var steps = (args.ElementAtOrDefault(1) ?? "1000,5000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var rounds = int.Parse(args.ElementAtOrDefault(2) ?? "20", CultureInfo.InvariantCulture);
        var timeout = TimeSpan.FromSeconds(double.Parse(args.ElementAtOrDefault(3) ?? "10", CultureInfo.InvariantCulture));
        var budget = TimeSpan.FromSeconds(double.Parse(args.ElementAtOrDefault(4) ?? "900", CultureInfo.InvariantCulture));

        var (soft, hard) = OpenFileLimit();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Chat.Load: {provider}, {configuration} build, {Environment.ProcessorCount} cores, open-file limit {soft} (hard {hard}), rounds {rounds}, timeout {timeout.TotalSeconds:0} s"));
        var results = new List<StepResult>();
        foreach (var connections in steps)
        {
            if (connections + 1000 > soft)
                Console.WriteLine($"  Warning: {connections} connections need about {connections + 1000} open files in each process; the limit is {soft}. Raise it (ulimit -n 65536).");
            var result = await RunStepAsync(root.FullName, configuration, provider, connections, rounds, timeout, budget);
            results.Add(result);
            Console.WriteLine(result.Line());
        }

        Console.WriteLine();
        Console.WriteLine(StepResult.Header);
        foreach (var result in results)
            Console.WriteLine(result.Row());
        return 0;
    }

    private static async Task<StepResult> RunStepAsync(string root, string configuration, string provider, int count, int rounds, TimeSpan timeout, TimeSpan budget)
    {
        Console.WriteLine($"--- {count} connections");
        await using var database = await BenchDatabase.CreateAsync(provider);
        // The demo operator from the command line, then the Chat team open around the clock: outside opening hours a chat
        // is kept as a message to answer (a callback), and leaving then keeps the place, so nobody behind would move up.
        await Cli.RunAsync(root, configuration, provider, database.ConnectionString, "db", "seed-demo");
        await database.OpenAroundTheClockAsync("Chat");
        var port = FreePort();
        await using var app = AppProcess.Start(root, configuration, provider, database.ConnectionString, port);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await app.WaitReadyAsync(http, TimeSpan.FromMinutes(3));
        var result = new StepResult(provider, count) { RssStarted = app.Memory().Rss };

        // Staff through the app's own API with personal tokens from the command line, as an operator would set it up.
        var queue = await SetUpQueueAsync(root, configuration, provider, database.ConnectionString, port);

        // The customers start their chats over HTTP (few connections, as from many browsers through a proxy)...
        var clock = Stopwatch.StartNew();
        var widgets = new Widget[count];
        var next = -1;
        var startFailures = 0;
        string? startError = null;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            int i;
            while (clock.Elapsed < budget && (i = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    using var started = await http.PostAsJsonAsync("/api/public/chat", new { queueId = queue, name = $"Kund {i}", question = "Min router blinkar rött.", language = "sv" });
                    started.EnsureSuccessStatusCode();
                    var answer = await started.Content.ReadFromJsonAsync<JsonElement>();
                    if (!answer.GetProperty("standing").GetProperty("open").GetBoolean())
                        throw new InvalidOperationException("The Chat team is closed: leaving would keep the place. Check the calendar set by the driver.");
                    widgets[i] = new Widget(answer.GetProperty("token").GetString()!);
                }
                catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref startFailures);
                    startError ??= error.Message;
                }
            }
        }));
        result.ChatsStarted = widgets.Count(w => w is not null);
        result.StartSeconds = clock.Elapsed.TotalSeconds;
        if (startFailures > 0)
            result.Stops.Add($"{startFailures} chats failed to start ({startError})");
        if (result.ChatsStarted < count && startFailures == 0)
            result.Stops.Add(string.Create(CultureInfo.InvariantCulture, $"only {result.ChatsStarted} chats started within the budget of {budget.TotalSeconds:0} s"));

        // ...then each opens its widget's live connection and follows its chat.
        var line = new Line();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var appCpuBefore = app.Cpu();
        clock.Restart();
        next = -1;
        var connectFailures = 0;
        string? connectError = null;
        var live = widgets.Where(w => w is not null).ToArray();
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            int i;
            while (clock.Elapsed < budget && (i = Interlocked.Increment(ref next)) < live.Length)
            {
                try
                {
                    await line.ConnectAsync(live[i], port);
                }
                catch (Exception error)
                {
                    Interlocked.Increment(ref connectFailures);
                    connectError ??= error.GetBaseException().Message;
                }
            }
        }));
        result.ConnectSeconds = clock.Elapsed.TotalSeconds;
        result.DriverCpuConnect = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        result.AppCpuConnect = (app.Cpu() - appCpuBefore).TotalSeconds;
        var connected = live.Where(w => w.Position > 0).OrderBy(w => w.Position).ToArray();
        result.Connected = connected.Length;
        if (result.Connected + connectFailures < live.Length)
            result.Stops.Add(string.Create(CultureInfo.InvariantCulture, $"only {result.Connected} connected and following within the budget of {budget.TotalSeconds:0} s"));
        if (connectFailures > 0)
            result.Stops.Add($"{connectFailures} connections failed ({connectError}){(connectError?.Contains("Too many open files", StringComparison.OrdinalIgnoreCase) == true ? " — the open-file limit" : "")}");
        // The model the rounds check against: each round's leaver is ahead of every connection still awaiting, so each of
        // those moves up exactly one place per round (customers who never connected change nothing behind them).
        if (connected.Select(w => w.Position).Distinct().Count() != connected.Length)
            result.Stops.Add("two widgets were told the same position on following");
        (result.RssConnected, _) = app.Memory();

        // Rounds: the customer at the front leaves; everyone behind must hear their place one nearer.
        cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        appCpuBefore = app.Cpu();
        var all = new List<double>();
        for (var round = 0; round < Math.Min(rounds, connected.Length - 1); round++)
        {
            var leaving = connected[round];
            var behind = connected.Skip(round + 1).Where(w => !w.Dropped).ToArray();
            foreach (var widget in behind)
                widget.Await(widget.Position - round - 1);
            var awaited = line.Begin(behind.Length);
            var sent = Stopwatch.GetTimestamp();
            using (var left = await http.PostAsync(new Uri($"/api/public/chat/{leaving.Token}/leave", UriKind.Relative), null))
            {
                if (left.StatusCode != HttpStatusCode.NoContent)
                    result.Stops.Add($"round {round + 1}: leave answered {(int)left.StatusCode}");
            }

            var returned = Stopwatch.GetTimestamp();
            try
            {
                await awaited.WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                // Those not heard by now count as missed.
            }

            var latencies = new List<double>(behind.Length);
            var missed = 0;
            var early = 0;
            foreach (var widget in behind)
            {
                var heard = widget.Stop();
                if (heard == 0)
                {
                    missed++;
                    continue;
                }

                if (heard < returned)
                    early++;
                latencies.Add(heard < returned ? 0 : Stopwatch.GetElapsedTime(returned, heard).TotalMilliseconds);
            }

            latencies.Sort();
            all.AddRange(latencies);
            result.Missed += missed;
            result.Early += early;
            result.Updates += behind.Length;
            result.RoundP99s.Add(Percentile(latencies, 0.99));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round {round + 1,2}: {behind.Length} behind, leave took {Stopwatch.GetElapsedTime(sent, returned).TotalMilliseconds:0} ms; "
                + $"heard p50 {Percentile(latencies, 0.50):0} ms, p99 {Percentile(latencies, 0.99):0} ms, max {(latencies.Count == 0 ? double.NaN : latencies[^1]):0} ms; "
                + $"missed {missed}, before the leave returned {early}"));
            await leaving.DisposeAsync();
        }

        result.DriverCpuRounds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        result.AppCpuRounds = (app.Cpu() - appCpuBefore).TotalSeconds;
        all.Sort();
        result.P50 = Percentile(all, 0.50);
        result.P99 = Percentile(all, 0.99);
        result.Max = all.Count == 0 ? double.NaN : all[^1];
        result.Unexpected = live.Sum(w => w.Unexpected);
        result.Standings = live.Sum(w => w.Standings);
        result.Dropped = live.Count(w => w.Dropped);
        if (result.Dropped > 0)
            result.Stops.Add($"{result.Dropped} connections dropped by the server or timed out");
        (result.RssAfter, result.RssPeak) = app.Memory();
        if (app.HasExited)
            result.Stops.Add($"the app exited (code {app.ExitCode}); see {app.LogPath}");

        await Task.WhenAll(live.Select(w => w.DisposeAsync().AsTask()));
        return result;
    }

    /// <summary>A queue of its own (a skill nobody else has) served by one agent in wrap-up: present, so ranges are shown, but offered nothing, so the line moves only when the driver says.</summary>
    private static async Task<Guid> SetUpQueueAsync(string root, string configuration, string provider, string connectionString, int port)
    {
        using var astrid = StaffClient(port, await Cli.CreateTokenAsync(root, configuration, provider, connectionString, Astrid));
        using var nora = StaffClient(port, await Cli.CreateTokenAsync(root, configuration, provider, connectionString, Nora));
        using var lina = StaffClient(port, await Cli.CreateTokenAsync(root, configuration, provider, connectionString, Lina));
        var team = (await astrid.GetFromJsonAsync<JsonElement>("/api/teams")).EnumerateArray().First(t => t.GetProperty("name").GetString() == "Chat").GetProperty("id").GetGuid();
        using var created = await astrid.PostAsJsonAsync("/api/queues", new { teamId = team, name = "Chattlast", skills = "chatload" });
        created.EnsureSuccessStatusCode();
        var queue = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var me = (await lina.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
        using (var equipped = await nora.PutAsJsonAsync($"/api/staff/{me}/queue-skills", new { skills = "sv, en, chatload", chatCapacity = 3 }))
            equipped.EnsureSuccessStatusCode();
        using (var presence = await lina.PutAsJsonAsync("/api/queue/presence", new { state = "wrapUp" }))
            presence.EnsureSuccessStatusCode();
        return queue;
    }

    private static HttpClient StaffClient(int port, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static (long Soft, long Hard) OpenFileLimit()
    {
        var parts = File.ReadLines("/proc/self/limits").First(l => l.StartsWith("Max open files", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(parts[3], CultureInfo.InvariantCulture), long.Parse(parts[4], CultureInfo.InvariantCulture));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The rounds' bookkeeping shared by every connection's handler.</summary>
internal sealed class Line
{
    private Round? _round;

    public Task Begin(int awaited)
    {
        var round = new Round(awaited);
        Volatile.Write(ref _round, round);
        return round.AllHeard;
    }

    public void Heard() => Volatile.Read(ref _round)?.Heard();

    /// <summary>WebSockets straight away, as the widget does (no negotiate round trip), then Follow with the resume token.</summary>
    public async Task ConnectAsync(Widget widget, int port)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri($"http://127.0.0.1:{port}/chat-live"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        connection.On<JsonElement>("place", place => widget.Told(place.GetProperty("position").GetInt32(), this));
        // Not awaited (the line moving is told with "place"), but counted: a whole standing costs the app far more.
        connection.On<JsonElement>("standing", _ => Interlocked.Increment(ref widget.Standings));
        connection.Closed += _ =>
        {
            widget.Dropped = !widget.Leaving;
            return Task.CompletedTask;
        };
        widget.Connection = connection;
        await connection.StartAsync();
        var standing = await connection.InvokeAsync<JsonElement>("Follow", widget.Token);
        widget.Position = standing.ValueKind == JsonValueKind.Object && standing.GetProperty("position") is { ValueKind: JsonValueKind.Number } position
            ? position.GetInt32()
            : throw new InvalidOperationException($"Follow answered without a position: {standing}");
    }

    private sealed class Round(int awaited)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining = awaited;

        public Task AllHeard
        {
            get
            {
                if (Volatile.Read(ref _remaining) <= 0)
                    _all.TrySetResult();
                return _all.Task;
            }
        }

        public void Heard()
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
                _all.TrySetResult();
        }
    }
}

/// <summary>One customer's widget: its token, its live connection and what it was told.</summary>
internal sealed class Widget(string token)
{
    private int _awaited;
    private long _heardAt;

    public string Token => token;

    public HubConnection? Connection { get; set; }

    /// <summary>The place the customer was told on following (1 is next).</summary>
    public int Position { get; set; }

    public bool Dropped { get; set; }

    public bool Leaving { get; private set; }

    /// <summary>Places told that were not the one awaited: late ones from a round that timed out, or a wrong place.</summary>
    public int Unexpected;

    /// <summary>Whole standings told (a person answered or wrote, or the chat ended).</summary>
    public int Standings;

    public void Await(int position)
    {
        Volatile.Write(ref _heardAt, 0);
        Volatile.Write(ref _awaited, position);
    }

    /// <summary>When the awaited place was heard (a Stopwatch timestamp), 0 when it was not; stops awaiting.</summary>
    public long Stop()
    {
        Volatile.Write(ref _awaited, 0);
        return Interlocked.Exchange(ref _heardAt, 0);
    }

    public void Told(int position, Line line)
    {
        var now = Stopwatch.GetTimestamp();
        if (position == Volatile.Read(ref _awaited) && Interlocked.CompareExchange(ref _heardAt, now, 0) == 0)
            line.Heard();
        else
            Interlocked.Increment(ref Unexpected);
    }

    public async ValueTask DisposeAsync()
    {
        Leaving = true;
        if (Connection is { } connection)
            await connection.DisposeAsync();
    }
}

internal sealed class StepResult(string provider, int connections)
{
    public const string Header =
        "| database | connections asked | chats started | connections held | RSS idle → connected → after rounds (peak) | updates (pairs) | p50 | p99 | max | missed | CPU s app / driver (rounds) | where it stops |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|";

    public List<string> Stops { get; } = [];

    public List<double> RoundP99s { get; } = [];

    public long RssStarted { get; set; }

    public long RssConnected { get; set; }

    public long RssAfter { get; set; }

    public long RssPeak { get; set; }

    public int ChatsStarted { get; set; }

    public int Connected { get; set; }

    public int Dropped { get; set; }

    public double StartSeconds { get; set; }

    public double ConnectSeconds { get; set; }

    public double DriverCpuConnect { get; set; }

    public double AppCpuConnect { get; set; }

    public double DriverCpuRounds { get; set; }

    public double AppCpuRounds { get; set; }

    public int Updates { get; set; }

    public int Missed { get; set; }

    public int Early { get; set; }

    public int Unexpected { get; set; }

    public int Standings { get; set; }

    public double P50 { get; set; }

    public double P99 { get; set; }

    public double Max { get; set; }

    private string Where => Stops.Count == 0 ? "—" : string.Join("; ", Stops);

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"  {connections} asked: {ChatsStarted} chats started in {StartSeconds:0.0} s; {Connected} connections held (connected and following in {ConnectSeconds:0.0} s, "
        + $"CPU app {AppCpuConnect:0.0} s, driver {DriverCpuConnect:0.0} s); app RSS {Mib(RssStarted)} idle, {Mib(RssConnected)} connected, {Mib(RssAfter)} after the rounds, peak {Mib(RssPeak)}; "
        + $"{Updates} updates awaited: p50 {P50:0} ms, p99 {P99:0} ms, max {Max:0} ms, missed {Missed}, heard before the leave returned {Early}, other places told {Unexpected}, standings told {Standings}; "
        + $"worst round's p99 {(RoundP99s.Count == 0 ? double.NaN : RoundP99s.Max()):0} ms; CPU during the rounds: app {AppCpuRounds:0.0} s, driver {DriverCpuRounds:0.0} s; where it stops: {Where}");

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {provider} | {connections:N0} | {ChatsStarted:N0} | {Connected:N0} | {Mib(RssStarted)} → {Mib(RssConnected)} → {Mib(RssAfter)} ({Mib(RssPeak)}) | {Updates:N0} | {P50:0} ms | {P99:0} ms | {Max:0} ms | {Missed} | {AppCpuRounds:0.0} / {DriverCpuRounds:0.0} | {Where} |");

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0} MiB");
}

/// <summary>A fresh database for one step: a PostgreSQL database of its own (dropped after), or a SQLite file.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;
    private readonly string? _sqliteFile;

    private BenchDatabase(string connectionString, string? postgresName, string? sqliteFile)
    {
        ConnectionString = connectionString;
        _postgresName = postgresName;
        _sqliteFile = sqliteFile;
    }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string provider)
    {
        if (provider == "Sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"moment-chat-load-{Guid.NewGuid():N}.db");
            return new BenchDatabase($"Data Source={file}", null, file);
        }

        var name = $"moment_chat_load_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new BenchDatabase(new NpgsqlConnectionStringBuilder(Admin) { Database = name, MaxPoolSize = 50 }.ConnectionString, name, null);
    }

    /// <summary>
    /// Every day 00:00–23:59:59 and no holidays, as an administrator would set it on the team's page (the calendar is one
    /// JSON column, read as a whole). Only PostgreSQL: the driver carries no SQLite client.
    /// </summary>
    public async Task OpenAroundTheClockAsync(string team)
    {
        if (_postgresName is null)
            throw new NotSupportedException("The chat load driver runs on PostgreSQL only.");
        var calendar = JsonSerializer.Serialize(new
        {
            timeZoneId = "Europe/Stockholm",
            openingHours = Enum.GetValues<DayOfWeek>().Select(day => new { day, opens = new TimeOnly(0, 0), closes = new TimeOnly(23, 59, 59) }),
            closedOnPublicHolidays = false,
            closedOnDeFactoHolidays = false,
            extraClosedDates = Array.Empty<DateOnly>(),
        });
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE \"Teams\" SET \"Calendar\" = @calendar WHERE \"Name\" = @team", connection);
        command.Parameters.AddWithValue("calendar", calendar);
        command.Parameters.AddWithValue("team", team);
        if (await command.ExecuteNonQueryAsync() != 1)
            throw new InvalidOperationException($"No team {team} to open.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
        if (_sqliteFile is not null)
        {
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                File.Delete(file);
        }
    }

    private static string Admin => Environment.GetEnvironmentVariable("MOMENT_TEST_POSTGRES") ?? throw new InvalidOperationException("Set MOMENT_TEST_POSTGRES.");

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The app as a process of its own (Production, demo data, logs at Warning to a file), so its memory is its own.</summary>
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

    public static AppProcess Start(string root, string configuration, string provider, string connectionString, int port)
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
        // Every customer here comes from 127.0.0.1: one address, far past what a real office would send.
        start.Environment["RateLimits__Chat__PermitLimit"] = "100000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var logPath = Path.Combine(Path.GetTempPath(), $"moment-chat-load-{port}.log");
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

    /// <summary>Waits for the app to answer ready (it migrates and seeds the demo before it listens).</summary>
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

/// <summary>The operator's command line (<c>moment token create</c>), run on the same database.</summary>
internal static class Cli
{
    public static Task<string> CreateTokenAsync(string root, string configuration, string provider, string connectionString, string user) =>
        RunAsync(root, configuration, provider, connectionString, "token", "create", "--user", user, "--name", "chat load");

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
