using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Moment.Cli.Tests.Staffing;

/// <summary><c>moment staffing …</c>: the exact contract scripts rely on. These commands need no database.</summary>
public sealed class StaffingCommandTests : IDisposable
{
    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("moment-staffing-");

    [Fact]
    public async Task ErlangC_IssueExample_PrintsExactlyTheContractKeysWith14And20Agents()
    {
        var run = await RunAsync("staffing", "erlang-c", "--contacts", "100", "--interval", "30m", "--aht", "3m", "--target", "80/20s", "--shrinkage", "0.3", "--max-occupancy", "0.85", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var answer = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(["rawAgents", "agents", "serviceLevel", "occupancy", "waitProbability", "averageSpeedOfAnswerSeconds"], answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal(14, answer.GetProperty("rawAgents").GetInt32());
        Assert.Equal(20, answer.GetProperty("agents").GetInt32());
        Assert.InRange(answer.GetProperty("serviceLevel").GetDouble(), 0.8, 1);
        Assert.Equal(10.0 / 14, answer.GetProperty("occupancy").GetDouble(), 9);
        Assert.InRange(answer.GetProperty("waitProbability").GetDouble(), 0, 1);
        Assert.True(answer.GetProperty("averageSpeedOfAnswerSeconds").GetDouble() > 0);
    }

    [Fact]
    public async Task ErlangA_IssueExample_PrintsExactlyTheContractKeys()
    {
        var run = await RunAsync("staffing", "erlang-a", "--contacts", "100", "--interval", "30m", "--aht", "3m", "--patience", "5m", "--agents", "14", "--target", "20s", "--json");

        Assert.Equal(0, run.ExitCode);
        var answer = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(["waitProbability", "abandonmentProbability", "occupancy", "averageSpeedOfAnswerSeconds", "serviceLevel"], answer.EnumerateObject().Select(p => p.Name));
        Assert.InRange(answer.GetProperty("abandonmentProbability").GetDouble(), 0.0001, 0.05);
        Assert.InRange(answer.GetProperty("serviceLevel").GetDouble(), 0.8, 1);
    }

    [Fact]
    public async Task ErlangA_TargetsInsteadOfAgents_AnswersLikeErlangC()
    {
        var run = await RunAsync("staffing", "erlang-a", "--contacts", "100", "--interval", "30m", "--aht", "3m", "--patience", "5m", "--target", "20s",
            "--target-service-level", "80", "--max-abandonment", "0.01", "--shrinkage", "30%", "--json");

        Assert.Equal(0, run.ExitCode);
        var answer = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(["rawAgents", "agents", "serviceLevel", "occupancy", "waitProbability", "averageSpeedOfAnswerSeconds"], answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal((int)Math.Ceiling(answer.GetProperty("rawAgents").GetInt32() / 0.7 - 1e-9), answer.GetProperty("agents").GetInt32());
    }

    [Fact]
    public async Task ErlangC_DecimalDurations_MeanTheSameAsWholeOnes()
    {
        var decimals = await RunAsync("staffing", "erlang-c", "--contacts", "100", "--interval", "0.5h", "--aht", "180.0s", "--target", "80/19.8s", "--json");
        var whole = await RunAsync("staffing", "erlang-c", "--contacts", "100", "--interval", "30m", "--aht", "3m", "--target", "80/19.8s", "--json");

        Assert.Equal(0, decimals.ExitCode);
        Assert.Equal(whole.Output, decimals.Output);
    }

    [Fact]
    public async Task ErlangC_WithoutJson_PrintsATable()
    {
        var run = await RunAsync("staffing", "erlang-c", "--contacts", "100", "--aht", "3m", "--target", "80/20s", "--shrinkage", "0.3");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Agents to schedule", run.Output, StringComparison.Ordinal);
        Assert.Contains("Service level (answered within 20 s)", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--aht 3x --target 80/20s", "--aht: '3x' is not a duration")]
    [InlineData("--aht 3m --target 120/20s", "--target: The service level in '120/20s' must be above 0 % and below 100 %.")]
    [InlineData("--aht 3m --agents 9", "Unstable: the queue grows without bound")]
    [InlineData("--aht 3m --target 80/20s --shrinkage 1", "The shrinkage must be at least 0 and below 1")]
    [InlineData("--aht 3m", "Give the number of agents, or at least one target")]
    [InlineData("--target 80/20s", "Option '--aht' is required.")]
    [InlineData("--aht 3m --target 80/20s --contacts-typo 4", "Unrecognized command or argument")]
    public async Task ErlangC_BadInput_OneLineOnStandardErrorAndExitCode2(string arguments, string expected)
    {
        var run = await RunAsync(["staffing", "erlang-c", "--contacts", "100", .. arguments.Split(' ')]);

        Assert.Equal(MomentCli.BadInput, run.ExitCode);
        Assert.Equal("", run.Output);
        var line = Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErlangA_WithoutPatience_ExitCode2()
    {
        var run = await RunAsync("staffing", "erlang-a", "--contacts", "100", "--aht", "3m", "--agents", "14");

        Assert.Equal(MomentCli.BadInput, run.ExitCode);
        Assert.Contains("--patience", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_ForecastAndPlanFiles_PrintsEveryIntervalAndTheDayReproducibly()
    {
        var forecast = File("day.csv", "start,contacts,aht\n09:00,100,3m\n09:30,140,3m\n10:00,120,3m\n");
        var plan = File("plan.csv", "start,agents\n09:00,12\n09:30,14\n10:00,12\n");

        var first = await RunAsync("staffing", "simulate", "--forecast", forecast, "--plan", plan, "--seed", "7", "--patience", "5m", "--json");
        var again = await RunAsync("staffing", "simulate", "--forecast", forecast, "--plan", plan, "--seed", "7", "--patience", "5m", "--json");
        var otherSeed = await RunAsync("staffing", "simulate", "--forecast", forecast, "--plan", plan, "--seed", "8", "--patience", "5m", "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Output, again.Output);
        Assert.NotEqual(first.Output, otherSeed.Output);
        var result = JsonDocument.Parse(first.Output).RootElement;
        var intervals = result.GetProperty("intervals").EnumerateArray().ToList();
        Assert.Equal(["09:00", "09:30", "10:00"], intervals.Select(i => i.GetProperty("start").GetString()));
        Assert.Equal([12, 14, 12], intervals.Select(i => i.GetProperty("agents").GetInt32()));
        var day = result.GetProperty("day");
        Assert.Equal(intervals.Sum(i => i.GetProperty("offered").GetInt32()), day.GetProperty("offered").GetInt32());
        Assert.Equal(
            day.GetProperty("offered").GetInt32(),
            day.GetProperty("answered").GetInt32() + day.GetProperty("abandoned").GetInt32());
        Assert.True(day.GetProperty("p95WaitSeconds").GetDouble() <= day.GetProperty("maxWaitSeconds").GetDouble());
    }

    [Fact]
    public async Task Simulate_WithoutJson_PrintsATableWithTheDay()
    {
        var forecast = File("day.csv", "09:00,100,3m\n09:30,140,3m\n");
        var plan = File("plan.csv", "13\n");

        var run = await RunAsync("staffing", "simulate", "--forecast", forecast, "--plan", plan);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("09:30", run.Output, StringComparison.Ordinal);
        Assert.Contains("Day", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_PlanThatDoesNotFitTheForecast_ExitCode2NamingTheLine()
    {
        var forecast = File("day.csv", "09:00,100,3m\n09:30,140,3m\n");
        var plan = File("plan.csv", "09:00,12\n09:45,14\n");

        var run = await RunAsync("staffing", "simulate", "--forecast", forecast, "--plan", plan);

        Assert.Equal(MomentCli.BadInput, run.ExitCode);
        Assert.Equal("error: Line 2: expected the interval starting 09:30, as in the forecast.", run.Error.Trim());
    }

    [Fact]
    public async Task Simulate_MissingForecastFile_ExitCode2()
    {
        var run = await RunAsync("staffing", "simulate", "--forecast", Path.Combine(_files.FullName, "none.csv"), "--plan", File("plan.csv", "10"));

        Assert.Equal(MomentCli.BadInput, run.ExitCode);
        Assert.StartsWith("error: --forecast: cannot read", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Delete(recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_files.FullName, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The command line in-process, with no database configured: staffing needs none.</summary>
    private static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MomentCli.RunAsync(args, output, error, new ConfigurationBuilder().Build(), TestContext.Current.CancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
