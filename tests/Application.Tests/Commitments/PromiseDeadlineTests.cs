using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Commitments;
using Moment.Application.Data;
using Moment.Domain.Calendar;
using Moment.Domain.Cases;
using Moment.TestSupport;

namespace Moment.Application.Tests.Commitments;

/// <summary>
/// Deadlines of promises counted in the team's calendar (Stockholm, weekdays 08–17, Swedish holidays). The clock stands
/// still at Monday 23 November 2026, 09:00 in Stockholm (08:00 UTC), so every expected deadline is a date you can check.
/// </summary>
public abstract class PromiseDeadlineTests(ApplicationHost host) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData(2, null, null, "2026-11-25T16:00:00Z")]     // Monday is under way: Tuesday and Wednesday, due at Wednesday's closing
    [InlineData(null, 10.0, null, "2026-11-24T09:00:00Z")]  // 8 open hours Monday, 2 more on Tuesday: 10:00 Stockholm
    [InlineData(null, null, "15:00", "2026-11-24T14:00:00Z")] // tomorrow before 15:00
    public async Task MakeCommitment_DeadlineGivenInBusinessTime_IsCountedInTheTeamsCalendar(int? days, double? hours, string? nextDayAt, string expected)
    {
        var number = await RegisterAsync();

        await using var scope = host.Scope();
        var made = await scope.ServiceProvider.GetRequiredService<MakeCommitment>().HandleAsync(number,
            new MakeCommitmentRequest(CommitmentKind.CallBack, null, null, null, null, days, hours, nextDayAt is null ? null : TimeOnly.Parse(nextDayAt, System.Globalization.CultureInfo.InvariantCulture), Door.Phone, null),
            await scope.ActorAsync("sara.holm@moment.test"), Ct);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), made.Deadline);
    }

    [Fact]
    public async Task RequestManager_IsDueInOneBusinessDayAndConsentInTwo_ShownOnStockholmsClock()
    {
        var number = await RegisterAsync();

        await using var scope = host.Scope();
        var request = await scope.ServiceProvider.GetRequiredService<RequestManager>().ByCustomerAsync(await TokenAsync(scope, number), Ct);
        var consent = await scope.ServiceProvider.GetRequiredService<GiveConsent>().HandleAsync(number, await scope.ActorAsync("sara.holm@moment.test"), Ct);

        Assert.Equal("Maria Berg", request.ManagerName);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 17, 0, 0, TimeSpan.FromHours(1)), request.Deadline);
        Assert.Equal(TimeSpan.FromHours(1), request.Deadline.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.FromHours(1)), consent.FollowUp.Deadline);
        Assert.Equal("Sara Holm", consent.FollowUp.Keeper.Name);
    }

    [Theory]
    [InlineData("2026-12-23T09:00:00Z", "2026-12-28T14:00:00Z")] // Wednesday before julafton and juldagen: the Monday after
    [InlineData("2026-11-27T15:00:00Z", "2026-11-30T14:00:00Z")] // Friday afternoon: Monday
    [InlineData("2026-06-18T09:00:00Z", "2026-06-22T13:00:00Z")] // before midsommarafton: Monday, 15:00 in summer time
    public void NextBusinessDayAt_SkipsWeekendsAndHolidays(string now, string expected)
    {
        var deadline = PromiseDeadlines.NextBusinessDayAt(
            BusinessCalendar.Swedish, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(15, 0));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), deadline);
    }

    private async Task<string> RegisterAsync()
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = await db.Customers.Where(c => c.Name == "Margit Andersson").Select(c => c.Id).FirstAsync(Ct);
        var registered = await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer, null, "Landline dead again", null, null, Door.Phone, null), await SaraAsync(scope), Ct);
        return registered.Number;
    }

    private static Task<string> TokenAsync(AsyncServiceScope scope, string number) =>
        scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.Where(c => c.Number == number).Select(c => c.CustomerToken).FirstAsync(Ct);

    private static Task<Guid> SaraAsync(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == "sara.holm@moment.test").Select(u => u.Id).FirstAsync(Ct);
}

public sealed class PromiseDeadlineTestsOnSqlite(SqliteHost host) : PromiseDeadlineTests(host), IClassFixture<SqliteHost>;

public sealed class PromiseDeadlineTestsOnPostgres(PostgresHost host) : PromiseDeadlineTests(host), IClassFixture<PostgresHost>;
