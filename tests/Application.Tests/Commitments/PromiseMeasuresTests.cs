using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Commitments;
using Moment.Application.Data;
using Moment.Domain.Cases;
using Moment.TestSupport;

namespace Moment.Application.Tests.Commitments;

/// <summary>The measures leadership sees: broken-promise rate per team, person and kind; the manager's response time and missed deadlines.</summary>
public abstract class PromiseMeasuresTests(ApplicationHost host) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task PromiseMeasures_KeptBrokenWithdrawnAndAManagerRequest_AreCountedPerTeamPersonKindAndManager()
    {
        var start = host.Time.GetUtcNow();
        var number = await RegisterAsync();
        Guid callBack, form, managerRequest;
        await using (var scope = host.Scope())
        {
            var make = scope.ServiceProvider.GetRequiredService<MakeCommitment>();
            var sara = await scope.ActorAsync("sara.holm@moment.test");
            callBack = (await make.HandleAsync(number, Request(CommitmentKind.CallBack, hours: 2), sara, Ct)).Id;
            await make.HandleAsync(number, Request(CommitmentKind.GetBackWithInformation, days: 1), sara, Ct);
            form = (await make.HandleAsync(number, Request(CommitmentKind.SendSomething, days: 1) with { What = "The form", KeeperEmail = "erik.sjo@moment.test" }, await scope.ActorAsync("johan.ek@moment.test"), Ct)).Id; // Erik's team lead gives it to him
            managerRequest = (await scope.ServiceProvider.GetRequiredService<RequestManager>().HandleAsync(number, new RequestManagerRequest(null), sara, Ct)).Request.Id;
        }

        host.Time.Advance(TimeSpan.FromHours(1));
        await using (var scope = host.Scope())
            await scope.ServiceProvider.GetRequiredService<KeepCommitment>().HandleAsync(callBack, new KeepCommitmentRequest("Called her"), await scope.ActorAsync("sara.holm@moment.test"), Ct);
        await using (var scope = host.Scope())
            await scope.ServiceProvider.GetRequiredService<WithdrawCommitment>().HandleAsync(form, new WithdrawCommitmentRequest("Not needed"), await scope.ActorAsync("erik.sjo@moment.test"), Ct);
        host.Time.Advance(TimeSpan.FromHours(2));
        await using (var scope = host.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<RecordContact>().HandleAsync(number,
                new RecordContactRequest(Door.Phone, ContactDirection.Outbound, "Maria called Margit's son", false, null, managerRequest), await scope.ActorAsync("maria.berg@moment.test"), Ct);
        }

        host.Time.Advance(TimeSpan.FromDays(3));
        PromiseMeasuresResult measures;
        await using (var scope = host.Scope())
            measures = await scope.ServiceProvider.GetRequiredService<PromiseMeasures>().HandleAsync(start, host.Time.GetUtcNow(), Ct);

        Assert.Equal(new PromiseTally("All", Due: 3, Kept: 2, Broken: 1, KeptLate: 0, Withdrawn: 1), measures.All);
        Assert.Equal(1.0 / 3, measures.All.BrokenRate!.Value, 6);
        var phone = Assert.Single(measures.ByTeam, t => t.Name == "Phone");
        Assert.Equal((3, 1, 1), (phone.Due, phone.Broken, phone.Withdrawn)); // the manager request is counted on the team whose customer asked
        var saraTally = Assert.Single(measures.ByKeeper, t => t.Name == "Sara Holm");
        Assert.Equal(0.5, saraTally.BrokenRate);
        Assert.Equal(1, Assert.Single(measures.ByKind, t => t.Name == nameof(CommitmentKind.GetBackWithInformation)).Broken);
        var maria = Assert.Single(measures.Managers);
        Assert.Equal(("Maria Berg", 1, 1, 0), (maria.Name, maria.Requests, maria.Answered, maria.MissedDeadlines));
        Assert.Equal(TimeSpan.FromHours(3), maria.MedianResponse);
    }

    [Fact]
    public async Task KeepCommitment_AfterTheDeadlineBeforeTheSweep_IsKeptLateAndStaysBroken()
    {
        var number = await RegisterAsync();
        Guid id;
        await using (var scope = host.Scope())
            id = (await scope.ServiceProvider.GetRequiredService<MakeCommitment>().HandleAsync(number, Request(CommitmentKind.CallBack, hours: 1), await scope.ActorAsync("sara.holm@moment.test"), Ct)).Id;

        host.Time.Advance(TimeSpan.FromDays(2));
        Commitment kept;
        await using (var scope = host.Scope())
            kept = await scope.ServiceProvider.GetRequiredService<KeepCommitment>().HandleAsync(id, new KeepCommitmentRequest("Called, late"), await scope.ActorAsync("sara.holm@moment.test"), Ct);

        Assert.Equal(CommitmentState.Broken, kept.State);
        Assert.True(kept.KeptLate);
        await using var check = host.Scope();
        var timeline = (await check.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(number, Ct)).Timeline.Select(e => e.Kind).ToList();
        Assert.Contains(CaseEventKind.CommitmentBroken, timeline);
        Assert.Contains(CaseEventKind.CommitmentKeptLate, timeline);
    }

    private static MakeCommitmentRequest Request(CommitmentKind kind, int? days = null, double? hours = null) =>
        new(kind, null, null, null, null, days, hours, null, Door.Phone, null);

    private async Task<string> RegisterAsync()
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = await db.Customers.Where(c => c.Name == "Margit Andersson").Select(c => c.Id).FirstAsync(Ct);
        var registered = await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer, null, "Landline dead again", null, null, Door.Phone, null), await IdOfAsync(scope, "sara.holm@moment.test"), Ct);
        return registered.Number;
    }

    private static Task<Guid> IdOfAsync(AsyncServiceScope scope, string email) =>
        scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync(Ct);
}

public sealed class PromiseMeasuresTestsOnSqlite(SqliteHost host) : PromiseMeasuresTests(host), IClassFixture<SqliteHost>;

public sealed class PromiseMeasuresTestsOnPostgres(PostgresHost host) : PromiseMeasuresTests(host), IClassFixture<PostgresHost>;
