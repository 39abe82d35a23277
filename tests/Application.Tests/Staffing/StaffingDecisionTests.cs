using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Data;
using Moment.Application.Staffing;
using Moment.Domain;
using Moment.Domain.Staffing;

namespace Moment.Application.Tests.Staffing;

/// <summary>The decision log on a real database of each provider: decisions with their what-if frozen beside them.</summary>
public abstract class StaffingDecisionTests(ApplicationHost host) : IAsyncLifetime
{
    private const string Manager = "maria.berg@moment.test";
    private const string Leadership = "per.dahl@moment.test";

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task RecordStaffingDecision_AsManager_IsListedWithItsWhatIfFrozen()
    {
        await using var scope = host.Scope();
        var maria = await UserIdAsync(scope, Manager);
        var whatIf = new WhatIfRequest(DemoForecast.Day, DemoForecast.Plans, DemoForecast.Assumptions);

        var recorded = await scope.ServiceProvider.GetRequiredService<RecordStaffingDecision>().HandleAsync(
            new RecordStaffingDecisionRequest(whatIf, ChosenPlan: 1, "  Budget for 2027: cut to 40 agents.  ", maria),
            TestContext.Current.CancellationToken);

        await using var reading = host.Scope();
        var listed = (await reading.ServiceProvider.GetRequiredService<ListStaffingDecisions>().HandleAsync(TestContext.Current.CancellationToken))
            .Single(d => d.Id == recorded.Id);
        Assert.Equal("Maria Berg", listed.DecidedBy);
        Assert.Equal("Budget for 2027: cut to 40 agents.", listed.Reason);
        Assert.Equal(host.Time.GetUtcNow(), listed.DecidedAt);
        Assert.Equal(40, listed.Chosen.Plan.AgentsPerInterval[0]);
        Assert.Equal(2, listed.WhatIf.Plans.Count);
        Assert.Equal(DemoForecast.Day.Intervals, listed.WhatIf.Forecast.Intervals);
        Assert.Equal(DemoForecast.Assumptions, listed.WhatIf.Assumptions);
        var expected = new CompareStaffingPlans().Handle(whatIf, TestContext.Current.CancellationToken);
        Assert.Equal(expected.Plans[1].Intervals, listed.Chosen.Intervals);
        Assert.Equal(expected.Plans[1].Day, listed.Chosen.Day);
        Assert.Equal(expected.Plans[1].Leak, listed.Chosen.Leak);
    }

    [Fact]
    public async Task RecordStaffingDecision_AsLeadership_IsForbiddenAndWritesNothing()
    {
        await using var scope = host.Scope();
        var per = await UserIdAsync(scope, Leadership);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await db.StaffingDecisions.CountAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<RecordStaffingDecision>().HandleAsync(
            new RecordStaffingDecisionRequest(SmallWhatIf(), 0, "Leadership wants 40.", per), TestContext.Current.CancellationToken));

        Assert.Equal(before, await db.StaffingDecisions.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RecordStaffingDecision_WithoutReason_IsRefusedNamingTheField()
    {
        await using var scope = host.Scope();
        var maria = await UserIdAsync(scope, Manager);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => scope.ServiceProvider.GetRequiredService<RecordStaffingDecision>().HandleAsync(
            new RecordStaffingDecisionRequest(SmallWhatIf(), 0, "   ", maria), TestContext.Current.CancellationToken));

        Assert.Equal("Reason", error.Field);
    }

    [Fact]
    public async Task ListStaffingDecisions_SeveralDecisions_NewestFirst()
    {
        await using var scope = host.Scope();
        var maria = await UserIdAsync(scope, Manager);
        var record = scope.ServiceProvider.GetRequiredService<RecordStaffingDecision>();
        var first = await record.HandleAsync(new RecordStaffingDecisionRequest(SmallWhatIf(), 0, "Keep 12.", maria), TestContext.Current.CancellationToken);
        host.Time.Advance(TimeSpan.FromDays(30));
        var second = await record.HandleAsync(new RecordStaffingDecisionRequest(SmallWhatIf(), 1, "Go to 8.", maria), TestContext.Current.CancellationToken);

        var list = await scope.ServiceProvider.GetRequiredService<ListStaffingDecisions>().HandleAsync(TestContext.Current.CancellationToken);

        var ids = list.Select(d => d.Id).ToList();
        Assert.True(ids.IndexOf(second.Id) < ids.IndexOf(first.Id));
        Assert.Equal(8, list.Single(d => d.Id == second.Id).Chosen.Plan.PeakAgents);
    }

    /// <summary>Two hours, two plans, two simulated days: quick to compute.</summary>
    private static WhatIfRequest SmallWhatIf()
    {
        var forecast = new StaffingForecast(TimeSpan.FromHours(1), [
            new ForecastInterval(new TimeOnly(9, 0), 100, TimeSpan.FromMinutes(5)),
            new ForecastInterval(new TimeOnly(10, 0), 120, TimeSpan.FromMinutes(5)),
        ]);
        var assumptions = new WhatIfAssumptions(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(20), 100, 50, 0.5, seed: 7, replications: 2);
        return new WhatIfRequest(forecast, [StaffingPlan.Constant(12, 2), StaffingPlan.Constant(8, 2)], assumptions);
    }

    private static async Task<Guid> UserIdAsync(AsyncServiceScope scope, string email) =>
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users
            .Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
}

public sealed class StaffingDecisionTestsOnSqlite(SqliteHost host) : StaffingDecisionTests(host), IClassFixture<SqliteHost>;

public sealed class StaffingDecisionTestsOnPostgres(PostgresHost host) : StaffingDecisionTests(host), IClassFixture<PostgresHost>;
