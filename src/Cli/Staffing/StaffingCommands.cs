using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Moment.Application.Staffing;
using Moment.Domain;
using Moment.Staffing.Simulation;
using Spectre.Console;

namespace Moment.Cli.Staffing;

/// <summary>
/// <c>moment staffing erlang-c|erlang-a|simulate</c>: the staffing calculations for scripts and spreadsheets.
/// They need no database. Durations are a number with <c>s</c>, <c>m</c> or <c>h</c> (<c>19.8s</c>, <c>3m</c>);
/// a target is <c>PERCENT/TIME</c> (<c>80/20s</c>); shares are fractions (<c>0.3</c>) or percentages (<c>30%</c>).
/// With <c>--json</c> the answer is one JSON object with exactly the documented keys.
/// </summary>
internal static class StaffingCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(CliConsole console) =>
        new("staffing", "Staffing calculations: Erlang C, Erlang A and a simulated day.")
        {
            ErlangCommand(console, erlangA: false),
            ErlangCommand(console, erlangA: true),
            SimulateCommand(console),
        };

    private static Command ErlangCommand(CliConsole console, bool erlangA)
    {
        var contacts = new Option<string>("--contacts") { Description = "Contacts arriving in the interval (a forecast mean, e.g. 100).", Required = true };
        var interval = new Option<string>("--interval") { Description = "The interval length, e.g. 30m.", DefaultValueFactory = _ => "30m" };
        var aht = new Option<string>("--aht") { Description = "Average handle time, e.g. 3m or 190s.", Required = true };
        var target = new Option<string?>("--target")
        {
            Description = erlangA
                ? "The answer time of the service level, e.g. 20s, or a service-level target PERCENT/TIME, e.g. 80/20s."
                : "The service-level target PERCENT/TIME, e.g. 80/20s (or just the answer time with --agents).",
        };
        var shrinkage = new Option<string?>("--shrinkage") { Description = "Share of paid time not on contacts, e.g. 0.3 or 30%." };
        var maxOccupancy = new Option<string?>("--max-occupancy") { Description = "Highest acceptable occupancy, e.g. 0.85." };
        var maxAsa = new Option<string?>("--max-asa") { Description = "Longest acceptable average speed of answer, e.g. 30s." };
        var agents = new Option<int?>("--agents") { Description = "Evaluate this many agents instead of finding how many are needed." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var command = erlangA
            ? new Command("erlang-a", "Erlang A (callers hang up after an exponential patience): what agents achieve, or how many are needed.")
            : new Command("erlang-c", "Erlang C (nobody hangs up): how many agents are needed, or what agents achieve.");
        foreach (var option in new Option[] { contacts, interval, aht, target, shrinkage, maxOccupancy, maxAsa, agents, json })
            command.Options.Add(option);

        var patience = new Option<string>("--patience") { Description = "The callers' average patience, e.g. 5m.", Required = true };
        var targetServiceLevel = new Option<string?>("--target-service-level") { Description = "The service-level target in percent, e.g. 80 (answered within --target)." };
        var maxAbandonment = new Option<string?>("--max-abandonment") { Description = "Highest acceptable share of callers who hang up, e.g. 0.05." };
        if (erlangA)
        {
            command.Options.Add(patience);
            command.Options.Add(targetServiceLevel);
            command.Options.Add(maxAbandonment);
        }

        command.SetAction(async (parse, ct) =>
        {
            var (percent, answerWithin) = parse.GetValue(target) is { } text
                ? Target(text, "--target")
                : (null, TimeSpan.FromSeconds(20));
            if (erlangA && parse.GetValue(targetServiceLevel) is { } level)
            {
                var fromOption = Number(level.TrimEnd('%'), "--target-service-level");
                if (percent is { } fromTarget && fromTarget != fromOption)
                    throw new CliInputException("--target and --target-service-level give different service levels; give it once.");
                percent = fromOption;
            }

            var request = new ErlangRequest
            {
                Contacts = Number(parse.GetValue(contacts)!, "--contacts"),
                Interval = Duration(parse.GetValue(interval)!, "--interval"),
                AverageHandleTime = Duration(parse.GetValue(aht)!, "--aht"),
                AnswerWithin = answerWithin,
                TargetServiceLevelPercent = percent,
                MaxOccupancy = parse.GetValue(maxOccupancy) is { } occupancy ? Share(occupancy, "--max-occupancy") : null,
                MaxAverageSpeedOfAnswer = parse.GetValue(maxAsa) is { } asa ? Duration(asa, "--max-asa") : null,
                MaxAbandonment = erlangA && parse.GetValue(maxAbandonment) is { } abandonment ? Share(abandonment, "--max-abandonment") : null,
                Shrinkage = parse.GetValue(shrinkage) is { } share ? Share(share, "--shrinkage") : 0,
                Agents = parse.GetValue(agents),
                AveragePatience = erlangA ? Duration(parse.GetValue(patience)!, "--patience") : null,
            };
            var answer = Rules(() => erlangA ? new CalculateErlangA().Handle(request) : new CalculateErlangC().Handle(request));

            if (parse.GetValue(json))
            {
                object body = answer.RawAgents is { } raw
                    ? new { rawAgents = raw, agents = answer.Agents, serviceLevel = answer.ServiceLevel, occupancy = answer.Occupancy, waitProbability = answer.WaitProbability, averageSpeedOfAnswerSeconds = answer.AverageSpeedOfAnswerSeconds }
                    : erlangA
                        ? new { waitProbability = answer.WaitProbability, abandonmentProbability = answer.AbandonmentProbability, occupancy = answer.Occupancy, averageSpeedOfAnswerSeconds = answer.AverageSpeedOfAnswerSeconds, serviceLevel = answer.ServiceLevel }
                        : new { waitProbability = answer.WaitProbability, occupancy = answer.Occupancy, averageSpeedOfAnswerSeconds = answer.AverageSpeedOfAnswerSeconds, serviceLevel = answer.ServiceLevel };
                await console.Output.WriteLineAsync(JsonSerializer.Serialize(body, Json));
                return MomentCli.Ok;
            }

            var table = new Table().AddColumns(erlangA ? "Erlang A" : "Erlang C", "");
            table.Columns[1].RightAligned();
            if (answer.RawAgents is { } rawAgents)
            {
                table.AddRow("Agents taking contacts", Whole(rawAgents));
                table.AddRow($"Agents to schedule ({Percent(answer.Shrinkage)} shrinkage)", Whole(answer.Agents));
            }
            else
            {
                table.AddRow("Agents", Whole(answer.Agents));
            }
            table.AddRow("Offered load", $"{answer.OfferedLoadErlangs.ToString("0.##", CultureInfo.CurrentCulture)} Erlangs");
            table.AddRow($"Service level (answered within {Seconds(answer.AnswerWithinSeconds)})", Percent(answer.ServiceLevel));
            table.AddRow("Wait probability", Percent(answer.WaitProbability));
            table.AddRow("Average speed of answer", Seconds(answer.AverageSpeedOfAnswerSeconds));
            if (erlangA)
                table.AddRow("Abandonment", Percent(answer.AbandonmentProbability));
            table.AddRow("Occupancy", Percent(answer.Occupancy));
            if (answer.MeetsTargets is { } meets)
                table.AddRow("Meets the targets", meets ? "yes" : "no");
            Terminal(console).Write(table);
            return MomentCli.Ok;
        });
        return command;
    }

    private static Command SimulateCommand(CliConsole console)
    {
        var forecast = new Option<FileInfo>("--forecast") { Description = "CSV, one interval a line: start (hh:mm), contacts, average handle time (4m30s).", Required = true };
        var plan = new Option<FileInfo>("--plan") { Description = "CSV, one line per forecast interval: start, agents; or one number of agents for the whole day.", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "The seed: the same seed gives the same day.", DefaultValueFactory = _ => 1 };
        var patience = new Option<string?>("--patience") { Description = "The callers' average patience, e.g. 5m; without it nobody hangs up." };
        var target = new Option<string>("--target") { Description = "The answer time of the service level, e.g. 20s.", DefaultValueFactory = _ => "20s" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var simulate = new Command("simulate", "Simulates a contact-centre day: waiting times, service level, abandonment and occupancy per interval.")
        {
            forecast, plan, seed, patience, target, json,
        };
        simulate.SetAction(async (parse, ct) =>
        {
            var day = Rules(() => ForecastCsv.Parse(Read(parse.GetValue(forecast)!, "--forecast")));
            var agents = Rules(() => PlanCsv.Parse(Read(parse.GetValue(plan)!, "--plan"), day));
            var request = new SimulateDayRequest(
                day,
                agents,
                parse.GetValue(patience) is { } mean ? Duration(mean, "--patience") : null,
                Target(parse.GetValue(target)!, "--target").AnswerWithin,
                parse.GetValue(seed));
            var simulation = new SimulateDay();
            var asJson = parse.GetValue(json);

            SimulationResult result;
            if (!asJson && ReferenceEquals(console.Output, Console.Out) && !Console.IsOutputRedirected)
            {
                result = await Terminal(console).Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask("Simulating the day", maxValue: 1);
                    var done = await Task.Run(() => Rules(() => simulation.Handle(request, new ProgressBar(task), ct)), ct);
                    task.Value = 1;
                    return done;
                });
            }
            else
            {
                result = Rules(() => simulation.Handle(request, cancellationToken: ct));
            }

            if (asJson)
            {
                var body = new
                {
                    intervals = result.Intervals.Select((period, i) => Period(period, day.Intervals[i].Start, agents.AgentsPerInterval[i])),
                    day = Period(result.Day, day.Intervals[0].Start, null),
                };
                await console.Output.WriteLineAsync(JsonSerializer.Serialize(body, Json));
                return MomentCli.Ok;
            }

            var table = new Table().AddColumns("Start", "Agents", "Offered", "Answered", "Hung up", "Service level", "Avg wait", "p50", "p80", "p95", "Max wait", "Occupancy", "Longest queue");
            foreach (var column in table.Columns.Skip(1))
                column.RightAligned();
            for (var i = 0; i < result.Intervals.Count; i++)
                table.AddRow(Row(result.Intervals[i], day.Intervals[i].Start.ToString("HH:mm", CultureInfo.InvariantCulture), Whole(agents.AgentsPerInterval[i])));
            table.AddRow(Row(result.Day, "Day", ""));
            Terminal(console).Write(table);
            return MomentCli.Ok;
        });
        return simulate;
    }

    private static object Period(SimulatedPeriod period, TimeOnly start, int? agents) => new
    {
        start = start.ToString("HH:mm", CultureInfo.InvariantCulture),
        agents,
        offered = period.Offered,
        answered = period.Answered,
        abandoned = period.Abandoned,
        serviceLevel = period.ServiceLevel,
        abandonmentRate = period.AbandonmentRate,
        occupancy = period.Occupancy,
        averageWaitSeconds = period.Waits.AverageSeconds,
        p50WaitSeconds = period.Waits.P50Seconds,
        p80WaitSeconds = period.Waits.P80Seconds,
        p95WaitSeconds = period.Waits.P95Seconds,
        maxWaitSeconds = period.Waits.MaxSeconds,
        longestQueue = period.LongestQueue,
    };

    private static string[] Row(SimulatedPeriod period, string start, string agents) =>
    [
        start, agents, Whole(period.Offered), Whole(period.Answered), Whole(period.Abandoned), Percent(period.ServiceLevel),
        Seconds(period.Waits.AverageSeconds), Seconds(period.Waits.P50Seconds), Seconds(period.Waits.P80Seconds),
        Seconds(period.Waits.P95Seconds), Seconds(period.Waits.MaxSeconds), Percent(period.Occupancy), Whole(period.LongestQueue),
    ];

    private static string Whole(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private static string Percent(double share) => share.ToString("0.#%", CultureInfo.CurrentCulture);

    private static string Seconds(double seconds) =>
        seconds < 120
            ? $"{seconds.ToString("0.#", CultureInfo.CurrentCulture)} s"
            : $"{(seconds / 60).ToString("0.#", CultureInfo.CurrentCulture)} min";

    private static IAnsiConsole Terminal(CliConsole console)
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Output) });
        if (!ReferenceEquals(console.Output, Console.Out) || Console.IsOutputRedirected)
            terminal.Profile.Width = 160;
        return terminal;
    }

    private static string Read(FileInfo file, string option)
    {
        try
        {
            return File.ReadAllText(file.FullName);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{option}: cannot read {file.FullName}: {failure.Message}");
        }
    }

    /// <summary>Runs a use case; a broken rule is bad input (exit code 2), reported as the rule says it.</summary>
    private static T Rules<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (DomainRuleException rule)
        {
            throw new CliInputException(rule.Message);
        }
    }

    private static TimeSpan Duration(string text, string option) => Prefixed(() => DurationText.Parse(text, option), option);

    private static (double? Percent, TimeSpan AnswerWithin) Target(string text, string option)
    {
        var target = Prefixed(() => ServiceLevelTargetText.Parse(text, option), option);
        return (target.Percent, target.AnswerWithin);
    }

    private static double Number(string text, string option) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new CliInputException($"{option}: '{text}' is not a number (use a decimal point, e.g. 12.5).");

    /// <summary>A share as a fraction (0.3) or a percentage (30%).</summary>
    private static double Share(string text, string option) =>
        text.Trim().EndsWith('%') ? Number(text.Trim().TrimEnd('%'), option) / 100 : Number(text, option);

    private static T Prefixed<T>(Func<T> parse, string option)
    {
        try
        {
            return parse();
        }
        catch (DomainRuleException rule)
        {
            throw new CliInputException($"{option}: {rule.Message}");
        }
    }

    private sealed class ProgressBar(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = value;
    }
}
