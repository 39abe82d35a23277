using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Mandates;
using Moment.Domain.Cases;
using Moment.Domain.Mandates;
using Moment.TestSupport;

namespace Moment.Application.Tests.Mandates;

/// <summary>
/// The mandate on a real database of each provider, with the demo's limits (Frontline: goodwill 500 kr a case, 5,000 a
/// month): within the limit at once, above it a request to the nearest named person, the month on the clock, the report.
/// Each test uses a host of its own month so that the month's limit starts from nothing.
/// </summary>
public abstract class MandateTests(ApplicationHost host) : IAsyncLifetime
{
    private const string Host = "karin.nord@moment.test";
    private const string OnboardLead = "eva.sund@moment.test";

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static UseMandateRequest Goodwill(int amount, int? deliverWithin = null) =>
        new(MandateKind.GoodwillCompensation, amount, $"Presentkort på {amount} kr", deliverWithin);

    [Fact]
    public async Task UseMandate_WithinAndThenAboveThePerCaseLimit_IsDoneAtOnceThenAskedOfTheTeamLead()
    {
        NextMonth();
        var number = await NewCaseAsync();

        var first = await UseAsync(number, Goodwill(300));
        var second = await UseAsync(number, Goodwill(300));

        Assert.Equal(MandateUseState.Done, first.State);
        Assert.Equal(MandateVerdict.AbovePerCase, second.Verdict);
        Assert.Equal(MandateUseState.Requested, second.State);
        Assert.Equal("Eva Sund", second.AskedName);
        await using var scope = host.Scope();
        var details = await scope.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(number, Ct);
        var request = Assert.Single(details.Promises);
        Assert.Equal("Eva Sund", request.Keeper.Name);
        Assert.Contains("Eva Sund", request.What, StringComparison.Ordinal);
        Assert.Equal(second.Deadline, request.Deadline);
        Assert.Equal(2, details.Timeline.Count(e => e.Kind == CaseEventKind.MandateUsed));
    }

    [Fact]
    public async Task UseMandate_DeliveredLater_BecomesAPromiseKeptByTheUser()
    {
        NextMonth();
        var number = await NewCaseAsync();

        var outcome = await UseAsync(number, Goodwill(200, deliverWithin: 3));

        Assert.Equal(MandateUseState.Promised, outcome.State);
        await using var scope = host.Scope();
        var promise = Assert.Single((await scope.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(number, Ct)).Promises);
        Assert.Equal("Karin Nord", promise.Keeper.Name);
        Assert.Equal(outcome.Deadline, promise.Deadline);
    }

    [Fact]
    public async Task UseMandate_ThePerMonthLimit_CountsEveryCaseOfTheMonthAndStartsAgainNextMonth()
    {
        NextMonth();
        for (var i = 0; i < 10; i++)
            Assert.Equal(MandateUseState.Done, (await UseAsync(await NewCaseAsync(), Goodwill(500))).State);

        var eleventh = await UseAsync(await NewCaseAsync(), Goodwill(100));
        Assert.Equal(MandateVerdict.AbovePerMonth, eleventh.Verdict);

        NextMonth();
        Assert.Equal(MandateUseState.Done, (await UseAsync(await NewCaseAsync(), Goodwill(100))).State);
    }

    [Fact]
    public async Task MandateReport_AMonthsUses_AreCountedPerTeamAndKindWithoutPeople()
    {
        var month = NextMonth();
        var number = await NewCaseAsync();
        await UseAsync(number, Goodwill(400));
        await UseAsync(number, Goodwill(400));
        await UseAsync(number, new UseMandateRequest(MandateKind.FeeWaiver, 100, "Avgiften för ombokning", null));

        await using var scope = host.Scope();
        var rows = await scope.ServiceProvider.GetRequiredService<MandateReport>().HandleAsync(month.Year, month.Month, Ct);

        Assert.Collection(rows,
            goodwill =>
            {
                Assert.Equal(("Onboard", MandateKind.GoodwillCompensation), (goodwill.Team, goodwill.Kind));
                Assert.Equal((1, 400, 1, 400), (goodwill.Uses, goodwill.Kronor, goodwill.Requests, goodwill.RequestedKronor));
            },
            fee => Assert.Equal((MandateKind.FeeWaiver, 1, 100, 0), (fee.Kind, fee.Uses, fee.Kronor, fee.Requests)));
        Assert.DoesNotContain(typeof(MandateReportRow).GetProperties(), p => p.Name.Contains("Person", StringComparison.Ordinal) || p.Name.Contains("User", StringComparison.Ordinal));
    }

    /// <summary>Moves the clock to the first Monday 09:00 of a month no other test has used yet, and returns that day.</summary>
    private DateTimeOffset NextMonth()
    {
        var now = host.Time.GetUtcNow();
        var first = new DateTimeOffset(now.Year, now.Month, 1, 8, 0, 0, TimeSpan.Zero).AddMonths(1);
        while (first.DayOfWeek != DayOfWeek.Monday)
            first = first.AddDays(1);
        host.Time.SetUtcNow(first);
        return first;
    }

    private async Task<MandateOutcome> UseAsync(string number, UseMandateRequest request)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<UseMandate>().HandleAsync(number, request, await scope.ActorAsync(Host), Ct);
    }

    private async Task<string> NewCaseAsync()
    {
        await using var scope = host.Scope();
        var customer = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Customers.Select(c => c.Id).FirstAsync(Ct);
        var karin = await scope.ActorAsync(Host);
        return (await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer, null, "Appen stänger sig", null, null, Door.Onboard, null), karin.Id, Ct)).Number;
    }
}

public sealed class MandateTestsOnSqlite(SqliteHost host) : MandateTests(host), IClassFixture<SqliteHost>;

public sealed class MandateTestsOnPostgres(PostgresHost host) : MandateTests(host), IClassFixture<PostgresHost>;
