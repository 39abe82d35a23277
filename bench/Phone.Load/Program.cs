using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moment.Bench.Phone;

/// <summary>
/// How the calls of a scenario come (<see cref="Pacing"/>), and whether some have each webhook sent twice: a quarter of the
/// calls, callers who stay on and callers who keep a callback alike, half of them both copies at once, half the second
/// after the first's answer.
/// </summary>
internal sealed record Scenario(string Name, int Digit, Pacing Pacing, bool SentTwice)
{
    private static readonly Pacing Paced = new(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));

    public static readonly Scenario[] All =
    [
        // Calls come within 3 s and the provider plays each answer for 0.5–1.5 s: every call in progress at once, about
        // one webhook per call per second (a real call asks about once a minute while it waits, after a greeting of ~10 s).
        new("paced", 1, Paced, false),
        // The worst case: every call at the same instant, each next step sent the moment the last was answered.
        new("burst", 2, new Pacing(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)), false),
        // Paced, and a quarter of the calls have each webhook sent twice, as a provider retrying a slow answer would.
        new("retry", 3, Paced, true),
        // Closer to a real line: calls come within 10 s, the provider plays each answer for 2–6 s (the time it takes to
        // say it) and a waiting caller's round comes every 15 s (a quarter of Moment's real minute). 100 calls at once
        // then send ~20 webhooks a second, still several times what 100 real calls send.
        new("spoken", 4, new Pacing(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(1)), false),
    ];

    /// <summary>Even calls stay on, odd ones keep a callback: of every 16, 0 and 3 send twice at once, 8 and 11 again after.</summary>
    public Retry RetryOf(int call) => !SentTwice ? Retry.None : (call % 16) switch
    {
        0 or 3 => Retry.AtOnce,
        8 or 11 => Retry.After,
        _ => Retry.None,
    };
}

internal static class LoadDriver
{
    public const string AccountSid = "ACbench0000000000000000000000000";
    public const string CallbackFrom = "+46850000000";
    private const string AuthToken = "phone-load-auth-token-0123456789";
    /// <summary>The Moment number the callers ring, leading to the driver's queue (<c>Phone:Lines</c>).</summary>
    private const string LineNumber = "+46850001234";
    private const string QueueName = "Telefonlast";
    /// <summary>How often an idle agent's desk is read (the real desk is pushed to; here it is polled, which costs the app too).</summary>
    private static readonly TimeSpan AgentPoll = TimeSpan.FromMilliseconds(250);

    private const string Astrid = "astrid.lind@moment.test";   // Administrator: creates the queue, equips the agents

    /// <summary>Staff who serve customers, each taking one call at a time (the call capacity is 1).</summary>
    private static readonly string[] AgentEmails =
    [
        "sara.holm@moment.test", "erik.sjo@moment.test", "lina.strom@moment.test", "kim.aberg@moment.test",
        "johan.ek@moment.test", "nora.vik@moment.test", "ali.karim@moment.test", "eva.sund@moment.test",
    ];

    private static async Task<int> Main(string[] args)
    {
        // Usage: dotnet run -c Release --project bench/Phone.Load -- [postgres|sqlite] [calls] [rounds] [scenarios: paced,burst,retry,spoken]
        // PostgreSQL needs MOMENT_TEST_POSTGRES (a role that may create databases).
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Moment.slnx")))
            root = root.Parent;
        if (root is null)
            throw new InvalidOperationException("Run from the repository (Moment.slnx not found above the driver).");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var provider = string.Equals(args.ElementAtOrDefault(0), "sqlite", StringComparison.OrdinalIgnoreCase) ? "Sqlite" : "Postgres";
        var calls = int.Parse(args.ElementAtOrDefault(1) ?? "100", CultureInfo.InvariantCulture);
        var rounds = int.Parse(args.ElementAtOrDefault(2) ?? "3", CultureInfo.InvariantCulture);
        var scenarios = (args.ElementAtOrDefault(3) ?? "paced,burst,retry").Split(',')
            .Select(name => Scenario.All.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"No scenario {name}: paced, burst, retry or spoken."))
            .ToArray();
        if (calls is < 2 or > 99_999 || rounds is < 1 or > 9)
            throw new ArgumentException("2–99,999 calls and 1–9 rounds (each round's callers have numbers of their own).");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Phone.Load: {provider}, {configuration} build, {Environment.ProcessorCount} cores, {calls} calls, {rounds} rounds of {string.Join(", ", scenarios.Select(s => s.Name))}, {AgentEmails.Length} agents; load average {Machine.LoadAverage()}"));
        await using var database = await BenchDatabase.CreateAsync(provider);
        await Cli.RunAsync(root.FullName, configuration, provider, database.ConnectionString, "db", "seed-demo");
        await database.OpenAroundTheClockAsync("Chat");
        await using var stub = await TwilioRestStub.StartAsync();
        var port = Machine.FreePort();
        var appBase = new Uri($"http://127.0.0.1:{port}");
        await using var app = AppProcess.Start(root.FullName, configuration, provider, database.ConnectionString, port, new Dictionary<string, string>
        {
            ["Phone__Twilio__AccountSid"] = AccountSid,
            ["Phone__Twilio__AuthToken"] = AuthToken,
            ["Phone__Twilio__RestBaseUrl"] = stub.BaseUrl.AbsoluteUri,
            ["Phone__CallbackFrom"] = CallbackFrom,
            [$"Phone__Lines__{LineNumber}"] = QueueName,
            // Where the status of a placed callback is posted: the app itself, as the driver reaches it.
            ["Moment__PublicBaseUrl"] = appBase.AbsoluteUri,
        });
        // The provider's connections: as many as it needs, as Twilio opens them.
        using var webhooks = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 1024 }) { Timeout = TimeSpan.FromSeconds(30) };
        using (var ready = new HttpClient { BaseAddress = appBase })
            await app.WaitReadyAsync(ready, TimeSpan.FromMinutes(3));
        var staff = await StaffAsync(root.FullName, configuration, provider, database.ConnectionString, appBase);

        var results = new List<RoundResult>();
        foreach (var scenario in scenarios)
        {
            for (var round = 1; round <= rounds; round++)
            {
                var result = await RunRoundAsync(scenario, round, calls, new Run(database, app, stub, webhooks, appBase, staff));
                results.Add(result);
                Console.WriteLine(result.Line());
                Console.WriteLine("    slowest: " + string.Join("; ", result.Recorder.Slowest(8).Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Kind} {w.Ms:0} ms at {w.At:HH:mm:ss.fff}"))));
                foreach (var error in Summary(result.Recorder.Errors.Concat(result.Problems)))
                    Console.WriteLine($"    error: {error}");
                foreach (var error in Summary(result.Recorder.ApiErrors.Select(e => e[(e.IndexOf(' ', StringComparison.Ordinal) + 1)..])))
                    Console.WriteLine($"    agents: {error}");
                if (app.HasExited)
                    throw new InvalidOperationException($"The app exited (code {app.ExitCode}); see {app.LogPath}.");
            }
        }

        Print(results);
        foreach (var agent in staff)
            agent.Api.Dispose();
        return results.All(r => r.Errors == 0 && r.Recorder.ApiErrors.Count == 0) ? 0 : 1;
    }

    private sealed record Run(BenchDatabase Database, AppProcess App, TwilioRestStub Stub, HttpClient Webhooks, Uri AppBase, IReadOnlyList<StaffMember> Staff);

    private sealed record StaffMember(string Email, HttpClient Api, string Phone);

    private static async Task<RoundResult> RunRoundAsync(Scenario scenario, int round, int count, Run run)
    {
        var recorder = new Recorder();
        var result = new RoundResult(scenario.Name, round, count) { Recorder = recorder };
        var provider = new Provider(run.Webhooks, run.AppBase, AuthToken, recorder);
        var agents = run.Staff.Select(s => new Agent(s.Email, s.Api, s.Phone, run.Stub, provider, recorder)).ToList();
        // Present (so callers hear a range) but offered nothing until every caller has heard two announcements.
        foreach (var agent in agents)
            await agent.SetPresenceAsync("wrapUp");

        var prefix = string.Create(CultureInfo.InvariantCulture, $"+4673{scenario.Digit}{round}");
        var random = new Random(scenario.Digit * 10 + round);
        var callers = Enumerable.Range(0, count).Select(i => new Caller(provider, $"CA{Guid.NewGuid():N}",
                string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D5}"), LineNumber,
                new CallPlan(PressZeroAtGreeting: i / 2 % 2 == 0, WantsCallback: i % 2 == 1, ProviderFails: i % 10 == 0, scenario.RetryOf(i)),
                scenario.Pacing, random))
            .ToList();
        var bySid = callers.ToDictionary(c => c.CallSid, StringComparer.Ordinal);
        // One caller in ten (one in five of those who stay on): Twilio's REST API fails when Moment asks it to put the call
        // through, so the caller's next round of waiting dials the agent instead.
        run.Stub.Fails = sid => bySid.TryGetValue(sid, out var caller) && caller.Plan.ProviderFails;
        run.Stub.Redirected = (sid, phone) =>
        {
            if (bySid.TryGetValue(sid, out var caller))
                caller.Bridge(phone);
        };

        result.LoadBefore = Machine.LoadAverage();
        var appCpu = run.App.Cpu();
        var driverCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();

        // First part: every call comes in, hears its place twice, then asks for a callback or stays on.
        var entered = await Task.WhenAll(callers.Select((caller, i) => Task.Run(async () =>
        {
            await Task.Delay(scenario.Pacing.StartSpread * i / count);
            return await caller.EnterAsync();
        })));
        result.FirstPartSeconds = clock.Elapsed.TotalSeconds;
        result.AppCpuFirstPart = (run.App.Cpu() - appCpu).TotalSeconds;
        result.WebhooksFirstPart = recorder.Webhooks.Count;
        var callbacks = callers.Count(c => c.Plan.WantsCallback);
        result.AfterFirstPart = await run.Database.CountAsync(prefix);
        if (entered.Count(e => !e) is > 0 and var failed)
            result.Problems.Add($"{failed} calls did not get through greeting, line and two announcements");
        if (result.AfterFirstPart is not { } kept || kept.Contacts != count || kept.DistinctCallers != count || kept.CallbacksKept != callbacks || kept.Promises != callbacks)
            result.Problems.Add($"after the first part the database holds {result.AfterFirstPart}; expected {count} contacts, {callbacks} callbacks kept with a promise each");

        // Second part: the agents take the line in order, live callers and callbacks; each live caller is dialled to
        // the agent who took it and hangs up after, each callback is placed and its status posted.
        var served = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Served()
        {
            if (Interlocked.Increment(ref served) == count)
                done.TrySetResult();
        }

        var patience = TimeSpan.FromSeconds(60 + count);
        var staying = callers.Where(c => !c.Plan.WantsCallback).Select(c => c.StayAsync(patience)).ToList();
        foreach (var agent in agents)
            await agent.SetPresenceAsync("available");
        var working = agents.Select(a => a.WorkAsync(bySid, Served, done.Task, TimeSpan.FromSeconds(30), AgentPoll)).ToList();
        await Task.WhenAll(staying);
        await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        if (!done.Task.IsCompleted)
            result.Problems.Add($"only {served} of {count} contacts served before the patience ran out");
        done.TrySetResult();
        await Task.WhenAll(working);
        result.Seconds = clock.Elapsed.TotalSeconds;
        result.AppCpu = (run.App.Cpu() - appCpu).TotalSeconds;
        result.DriverCpu = (Process.GetCurrentProcess().TotalProcessorTime - driverCpu).TotalSeconds;
        (result.Rss, result.RssPeak) = run.App.Memory();
        result.LoadAfter = Machine.LoadAverage();
        result.RangesHeard = callers.Count(c => c.RangeHeard);
        result.PutThrough = string.Join(", ", callers.GroupBy(c => c.PutThrough ?? "not served").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        foreach (var agent in agents)
            await agent.SetPresenceAsync("wrapUp");

        result.AtEnd = await run.Database.CountAsync(prefix);
        if (result.AtEnd is not { } end || end.Contacts != count || end.DistinctCallers != count || end.InboundCalls != count || end.CallsWithContact != count
            || end.OutboundCalls != callbacks || end.Ended != count || end.Answered != count || end.Promises != callbacks)
        {
            result.Problems.Add($"at the end the database holds {result.AtEnd}; expected {count} contacts and calls, all answered and ended, {callbacks} callbacks placed and promised");
            foreach (var line in (await run.Database.UnendedAsync(prefix)).Take(12))
                Console.WriteLine($"    not ended: {line}");
        }

        return result;
    }

    /// <summary>
    /// The queue and its agents through the app's own API, with personal tokens from the command line: Astrid creates a
    /// queue with a skill of its own in the Chat team (open around the clock) and gives the agents that skill; each agent
    /// sets the phone calls are put through to.
    /// </summary>
    private static async Task<IReadOnlyList<StaffMember>> StaffAsync(string root, string configuration, string provider, string connectionString, Uri appBase)
    {
        using var astrid = StaffClient(appBase, await Cli.CreateTokenAsync(root, configuration, provider, connectionString, Astrid));
        var team = (await astrid.GetFromJsonAsync<JsonElement>("/api/teams")).EnumerateArray().First(t => t.GetProperty("name").GetString() == "Chat").GetProperty("id").GetGuid();
        using (var created = await astrid.PostAsJsonAsync("/api/queues", new { teamId = team, name = QueueName, skills = "phoneload" }))
            created.EnsureSuccessStatusCode();
        var staff = new List<StaffMember>();
        for (var i = 0; i < AgentEmails.Length; i++)
        {
            var api = StaffClient(appBase, await Cli.CreateTokenAsync(root, configuration, provider, connectionString, AgentEmails[i]));
            var me = (await api.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
            using (var equipped = await astrid.PutAsJsonAsync($"/api/staff/{me}/queue-skills", new { skills = "sv, en, phoneload", chatCapacity = 3 }))
                equipped.EnsureSuccessStatusCode();
            using var phone = await api.PutAsJsonAsync("/api/me/phone", new { phone = string.Create(CultureInfo.InvariantCulture, $"+4670990000{i}") });
            phone.EnsureSuccessStatusCode();
            // The phone as Moment keeps it (E.164), which is what it dials.
            staff.Add(new StaffMember(AgentEmails[i], api, (await phone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString()!));
        }

        return staff;
    }

    private static HttpClient StaffClient(Uri appBase, string token)
    {
        var client = new HttpClient { BaseAddress = appBase };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Errors alike counted once: the text up to the problem's JSON (which carries a trace id).</summary>
    private static IEnumerable<string> Summary(IEnumerable<string> errors) =>
        errors.GroupBy(e => e.IndexOf('{', StringComparison.Ordinal) is > 0 and var brace ? e[..brace].TrimEnd() : e)
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} × {g.Key}");

    /// <summary>The rounds, then each scenario's webhooks by step (all its rounds together), as Markdown.</summary>
    private static void Print(List<RoundResult> results)
    {
        string[] order =
        [
            "voice", "gather greeting (0)", "wait 1", "wait 2", "gather wait (1)", "gather callback (none)", "status (callback kept)", "wait (in line)", "wait (dial)",
            "status (answered)", "status (callback placed)", "status (gave up)",
        ];
        Console.WriteLine();
        Console.WriteLine(RoundResult.Header);
        foreach (var result in results)
            Console.WriteLine(result.Row());
        foreach (var scenario in results.GroupBy(r => r.Scenario))
        {
            Console.WriteLine();
            Console.WriteLine($"Webhooks by step, {scenario.Key}, rounds {string.Join(", ", scenario.Select(r => r.Round))} together:");
            Console.WriteLine();
            Console.WriteLine("| step | webhooks | p50 | p95 | p99 | max |");
            Console.WriteLine("|---|---|---|---|---|---|");
            var samples = scenario.SelectMany(r => r.Recorder.Webhooks).ToList();
            foreach (var kind in samples.Select(s => s.Kind).Distinct().OrderBy(k => Array.IndexOf(order, k.Replace(" (again)", "", StringComparison.Ordinal))).ThenBy(k => k, StringComparer.Ordinal))
                Console.WriteLine($"| {kind} | {Spread.Of(samples.Where(s => s.Kind == kind).Select(s => s.Ms)).Cells()} |");
            Console.WriteLine($"| **all** | {Spread.Of(samples.Select(s => s.Ms)).Cells()} |");
            var api = scenario.SelectMany(r => r.Recorder.Api).ToList();
            foreach (var kind in new[] { "desk", "accept" })
                Console.WriteLine($"| (agent API: {kind}) | {Spread.Of(api.Where(s => s.Kind == kind).Select(s => s.Ms)).Cells()} |");
        }
    }
}
