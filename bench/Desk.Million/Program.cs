using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moment.Application;
using Moment.Application.Absences;
using Moment.Application.Cases;
using Moment.Application.Commitments;
using Moment.Application.Conversations;
using Moment.Application.Customers;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Application.Teams;
using Moment.Application.Views;
using Moment.Domain.Cases;
using Npgsql;

namespace Moment.Bench.DeskMillion;

internal static class DeskBench
{
    private const string DatabaseName = "moment_desk_bench";

    private static async Task<int> Main(string[] args)
    {
        // Usage: dotnet run -c Release --project bench/Desk.Million -- [cases=1000000] [iterations=200] [reuse]
        // "reuse" measures the database a previous run filled (migrating it first), without dropping and filling it again.
        var cases = int.Parse(args.ElementAtOrDefault(0) ?? "1000000", CultureInfo.InvariantCulture);
        var iterations = int.Parse(args.ElementAtOrDefault(1) ?? "200", CultureInfo.InvariantCulture);
        var reuse = args.Contains("reuse", StringComparer.Ordinal);
        var server = Environment.GetEnvironmentVariable("MOMENT_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            await Console.Error.WriteLineAsync("Set MOMENT_TEST_POSTGRES to a PostgreSQL server (./test.sh starts one on port 55432).");
            return 2;
        }

        // No command timeout: a migration that rewrites a million cases (a stored column) takes longer than the default 30 s.
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName, CommandTimeout = 0 }.ConnectionString;
        Say($"Load average at start: {LoadAverage()} ({Environment.ProcessorCount} cores).");
        var now = DateTimeOffset.UtcNow;
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, connectionString, MigrateOnStart: true);
        if (!reuse)
        {
            await using var admin = NpgsqlDataSource.Create(server);
            await using (var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)"))
                await drop.ExecuteNonQueryAsync();
            await using (var create = admin.CreateCommand($"CREATE DATABASE {DatabaseName}"))
                await create.ExecuteNonQueryAsync();
        }

        await using (var app = Services(settings, recorder: null))
        {
            // What the app does on start, and in demo mode what `moment db seed-demo` does: the staff and customers to start from.
            await DatabaseStartup.PrepareAsync(app, demoMode: !reuse);
        }

        if (!reuse)
        {
            Say($"Filling {DatabaseName} with {cases:N0} cases:");
            var clock = Stopwatch.StartNew();
            await using var data = NpgsqlDataSource.Create(connectionString);
            await DeskFill.FillAsync(data, cases, now);
            Say($"Filled in {clock.Elapsed.TotalMinutes:0.0} minutes.");
        }
        else
        {
            // A migration that adds an index leaves the planner without its statistics until the next ANALYZE.
            await using var data = NpgsqlDataSource.Create(connectionString);
            await using var analyze = data.CreateCommand("ANALYZE");
            await analyze.ExecuteNonQueryAsync();
        }

        var sample = await Sample.LoadAsync(connectionString);
        Say($"Database: {sample.Describe}");

        // The second page of a team's view starts where its first ended: the cursors are taken before anything is timed.
        IReadOnlyDictionary<int, string?> secondPages;
        await using (var app = Services(settings, recorder: null))
            secondPages = await SecondPagesAsync(app, sample, iterations);

        var recorder = new PlanRecorder();
        await using (var explained = Services(settings, recorder))
        {
            foreach (var scenario in Scenarios(sample, secondPages))
            {
                recorder.Label = scenario.Name;
                await using var scope = explained.CreateAsyncScope();
                await scenario.Run(scope.ServiceProvider, 0);
            }
        }

        var planFile = Path.GetFullPath("desk-plans.txt");
        await File.WriteAllTextAsync(planFile, recorder.Plans);
        Say($"EXPLAIN (ANALYZE, BUFFERS) of every statement, once each (all of them in {planFile}):");
        foreach (var line in recorder.Summary)
            Console.WriteLine("  " + line);

        Say($"Server time in this process, {iterations} iterations after 20 to warm up, a new scope (a request) each:");
        Say($"{"what",-34} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        await using (var app = Services(settings, recorder: null))
        {
            foreach (var scenario in Scenarios(sample, secondPages))
            {
                for (var i = 1; i <= 20; i++)
                {
                    await using var scope = app.CreateAsyncScope();
                    await scenario.Run(scope.ServiceProvider, -i);
                }

                var times = new double[iterations];
                for (var i = 0; i < iterations; i++)
                {
                    await using var scope = app.CreateAsyncScope();
                    var started = Stopwatch.GetTimestamp();
                    await scenario.Run(scope.ServiceProvider, i);
                    times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }

                Array.Sort(times);
                Say($"{scenario.Name,-34} {Percentile(times, 0.50),8:0.00} {Percentile(times, 0.95),8:0.00} {Percentile(times, 0.99),8:0.00} {times[^1],8:0.00}");
            }
        }

        Say($"Load average at end: {LoadAverage()}. The database {DatabaseName} is kept: `reuse` measures it again; drop it when done.");
        return 0;
    }

    /// <summary>What each page and endpoint asks of the application, in the order the page asks it.</summary>
    private static IEnumerable<Scenario> Scenarios(Sample sample, IReadOnlyDictionary<int, string?> secondPages)
    {
        // Desk.razor: the signed-in agent's card, today's promises, their 50 latest cases and their team's.
        yield return new("desk (/desk)", async (services, i) =>
        {
            var (agent, _) = sample.Agent(i);
            var card = await services.GetRequiredService<StaffCards>().FindAsync(agent);
            await services.GetRequiredService<ListCommitments>().TodayAsync(agent);
            var list = services.GetRequiredService<ListCases>();
            await list.HandleAsync(new CaseFilter(OwnerId: agent, Limit: 50));
            await list.HandleAsync(new CaseFilter(TeamId: card!.TeamId, Limit: 50));
        });
        // The desk's live parts, each loading in its own scope: offers waiting and come back, a team lead's broken promises.
        yield return new("desk's live parts (offers, broken)", async (services, i) =>
        {
            var (agent, _) = sample.Agent(i);
            var offers = services.GetRequiredService<ListOffers>();
            await offers.HandleAsync(agent);
            await offers.ReturnedAsync(agent);
            await services.GetRequiredService<ListCommitments>().BrokenInTeamsLedByAsync(agent);
        });
        // GET /api/cases?team=…&limit=100, and with status=Open; GET /api/cases?owner=me&status=Open.
        yield return new("team's cases (100)", (services, i) =>
            services.GetRequiredService<ListCases>().HandleAsync(new CaseFilter(TeamId: sample.Agent(i).Team, Limit: 100)));
        yield return new("team's open cases (100)", (services, i) =>
            services.GetRequiredService<ListCases>().HandleAsync(new CaseFilter(TeamId: sample.Agent(i).Team, Status: CaseStatus.Open, Limit: 100)));
        yield return new("my open cases (100)", (services, i) =>
            services.GetRequiredService<ListCases>().HandleAsync(new CaseFilter(OwnerId: sample.Agent(i).Id, Status: CaseStatus.Open, Limit: 100)));
        // /desk?q=…: the customers found, the 20 latest cases of each of the first ten, and the cases that have the words.
        yield return new("search: full name", (services, i) => SearchAsync(services, sample.FullName(i)));
        yield return new("search: part of a surname", (services, i) => SearchAsync(services, sample.SurnamePart(i)));
        yield return new("search: two letters", (services, i) => SearchAsync(services, sample.TwoLetters(i)));
        yield return new("search: phone (070-…)", (services, i) => SearchAsync(services, sample.Phone(i)));
        yield return new("search: case number", (services, i) => SearchAsync(services, sample.Number(i)));
        // /views: the list of views with a count each, and a page (50, with its count) of each built-in view; GET /api/views/…/cases.
        yield return new("views: the list with counts", (services, i) => services.GetRequiredService<ListViews>().HandleAsync(Reader(sample, i)));
        foreach (var view in Enum.GetValues<CaseView>())
            yield return new($"view: {view}", (services, i) => services.GetRequiredService<ReadView>().HandleAsync(new ViewRequest(view), Reader(sample, i)));
        yield return new("view: team's, high priority by phone", (services, i) => services.GetRequiredService<ReadView>().HandleAsync(
            new ViewRequest(CaseView.MyTeam, new ViewFilter(Priority: CasePriority.High, Door: Door.Phone), ViewSort.CreatedOldest), Reader(sample, i)));
        yield return new("view: team's, second page", (services, i) => services.GetRequiredService<ReadView>().HandleAsync(
            new ViewRequest(CaseView.MyTeam, After: secondPages[i]), Reader(sample, i)));
        // /desk?q=…: the words of subjects and descriptions. A common word (in one case in six), a rare fault code (~100 cases), two words.
        yield return new("search cases: a common word", (services, _) => services.GetRequiredService<SearchCases>().HandleAsync("routern"));
        yield return new("search cases: a rare word", (services, i) => services.GetRequiredService<SearchCases>().HandleAsync(sample.FaultCode(i)));
        yield return new("search cases: two words", (services, _) => services.GetRequiredService<SearchCases>().HandleAsync("fakturan oktober"));
        // GET /api/cases/{number}.
        yield return new("case (GetCase, the API)", (services, i) => services.GetRequiredService<GetCase>().HandleAsync(sample.Number(i)));
        // CasePage.razor: the reader, the staff and teams for the hand-off form, the case, its customer, who reaches them, the conversations.
        yield return new("case page (/cases/{number})", async (services, i) =>
        {
            var (agent, _) = sample.Agent(i);
            var card = await services.GetRequiredService<StaffCards>().FindAsync(agent);
            await services.GetRequiredService<ListStaff>().HandleAsync();
            await services.GetRequiredService<ListTeams>().HandleAsync();
            var details = await services.GetRequiredService<GetCase>().HandleAsync(sample.Number(i));
            await services.GetRequiredService<FindCustomers>().ByIdAsync(details.CustomerId, withContactDetails: true);
            await services.GetRequiredService<CustomerReach>().HandleAsync(details.CustomerId);
            await services.GetRequiredService<ListConversations>().HandleAsync(details.Number, Actor.Of(card!));
        });
    }

    private static Actor Reader(Sample sample, int i)
    {
        var (agent, team) = sample.Agent(i);
        return new Actor(agent, team, [StaffRoles.Agent]);
    }

    private static async Task<IReadOnlyDictionary<int, string?>> SecondPagesAsync(ServiceProvider app, Sample sample, int iterations)
    {
        var cursors = new Dictionary<int, string?>();
        for (var i = -20; i < iterations; i++)
        {
            await using var scope = app.CreateAsyncScope();
            cursors[i] = (await scope.ServiceProvider.GetRequiredService<ReadView>().HandleAsync(new ViewRequest(CaseView.MyTeam), Reader(sample, i))).Next;
        }

        return cursors;
    }

    private static async Task SearchAsync(IServiceProvider services, string query)
    {
        var found = await services.GetRequiredService<FindCustomers>().HandleAsync(query, withContactDetails: true);
        var list = services.GetRequiredService<ListCases>();
        foreach (var customer in found.Take(10))
            await list.HandleAsync(new CaseFilter(CustomerId: customer.Id, Limit: 20));
        // The desk also lists the cases whose subject or description have the words typed.
        if (SearchCases.LooksLikeWords(query))
            await services.GetRequiredService<SearchCases>().HandleAsync(query);
    }

    private static ServiceProvider Services(DatabaseSettings settings, PlanRecorder? recorder)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (recorder is null)
        {
            services.AddMomentDatabase(settings);
        }
        else
        {
            services.AddSingleton(settings);
            services.AddDbContext<AppDbContext>(options =>
            {
                DatabaseSetup.Configure(options, settings);
                options.AddInterceptors(recorder);
            });
        }

        services.AddMomentApplication();
        services.AddStaffIdentity();
        return services.BuildServiceProvider();
    }

    private static double Percentile(double[] sorted, double q) => sorted[Math.Max((int)Math.Ceiling(q * sorted.Length) - 1, 0)];

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "(unknown)";

    private static void Say(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    private sealed record Scenario(string Name, Func<IServiceProvider, int, Task> Run);
}
