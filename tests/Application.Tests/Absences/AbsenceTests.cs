using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Absences;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Absences;
using Moment.Domain.Cases;
using Moment.TestSupport;

namespace Moment.Application.Tests.Absences;

/// <summary>
/// Cover when people are away (principle 12) on a real database of each provider: absences start and end by the clock,
/// work moves to the stand-in once however often the rounds run, and on as many instances as run them.
/// Each test uses its own people, as the database is shared by the class.
/// </summary>
public abstract class AbsenceTests(ApplicationHost host) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task StartDueAbsences_RunTwice_MovesCaseOfferAndPromiseOnceEach()
    {
        // The class's tests share one clock: what another test planned may be due by now, and starts first.
        await StartAsync();
        var start = host.Time.GetUtcNow();
        var owned = await RegisterAsync("kim.aberg@moment.test");
        var offered = await RegisterAsync("sara.holm@moment.test");
        await OfferAsync(offered, "sara.holm@moment.test", "kim.aberg@moment.test");
        var promised = await RegisterAsync("sara.holm@moment.test");
        await PromiseAsync(promised, "kim.aberg@moment.test");
        // Sooner than the offer's 30 minutes, so that the offer is still waiting for Kim when the absence starts.
        await RecordAsync("kim.aberg@moment.test", "erik.sjo@moment.test", TimeSpan.FromMinutes(10), TimeSpan.FromDays(7));

        var early = await StartAsync();
        host.Time.Advance(TimeSpan.FromMinutes(10));
        var first = await StartAsync();
        var second = await StartAsync();

        Assert.Equal(0, early.Started);
        Assert.Equal(1, first.Started);
        Assert.True(first.CasesCovered >= 3, first.ToString());
        Assert.Equal(new AbsenceStarts(0, 0), second);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var erik = await IdOfAsync(scope, "erik.sjo@moment.test");
        var kim = await IdOfAsync(scope, "kim.aberg@moment.test");
        var cases = await db.Cases.AsNoTracking().Include(c => c.Timeline).Include(c => c.HandOffs).Include(c => c.Commitments)
            .Where(c => c.Number == owned || c.Number == offered || c.Number == promised).ToDictionaryAsync(c => c.Number, Ct);
        Assert.Equal((erik, kim), (cases[owned].OwnerId, cases[owned].CoveringForId!.Value));
        Assert.Equal(erik, cases[offered].PendingHandOff!.ToUserId);
        Assert.Equal(erik, Assert.Single(cases[promised].Commitments).KeeperId);
        Assert.All(cases.Values, c => Assert.Single(c.Timeline, e => e.Kind == CaseEventKind.CoverStarted));
        Assert.Equal(AbsenceState.Started, (await db.Absences.AsNoTracking().SingleAsync(a => a.UserId == kim, Ct)).State);

        var moves = await scope.ServiceProvider.GetRequiredService<CoverMoves>().HandleAsync(start, host.Time.GetUtcNow().AddSeconds(1), Ct);
        var kims = Assert.Single(moves.People, p => p.PersonId == kim);
        Assert.True(kims.Moves >= 3);
        Assert.Equal("Business customers", kims.Team);
        Assert.Contains(moves.Teams, t => t.Team == "Business customers" && t.Moves >= 3);
    }

    [Fact]
    public async Task StartedAbsence_AnOfferThatArrivesLater_ReachesTheStandInOnTheNextRound()
    {
        await RecordAsync("lina.strom@moment.test", "sara.holm@moment.test", TimeSpan.Zero, TimeSpan.FromDays(3));
        await StartAsync();
        var number = await RegisterAsync("erik.sjo@moment.test");
        await OfferAsync(number, "erik.sjo@moment.test", "lina.strom@moment.test");

        await StartAsync();
        await StartAsync();

        await using var scope = host.Scope();
        var @case = await scope.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(number, Ct);
        Assert.Equal("Sara Holm", @case.PendingHandOff!.ToPerson!.Name);
        Assert.Single(@case.Timeline, e => e.Kind == CaseEventKind.CoverStarted);
    }

    [Fact]
    public async Task EndDueAbsences_PastTheEnd_EndsOnceAndNothingMovesBackUntilTakenBack()
    {
        var number = await RegisterAsync("omar.said@moment.test");
        await PromiseAsync(number, "omar.said@moment.test");
        await RecordAsync("omar.said@moment.test", "karin.nord@moment.test", TimeSpan.Zero, TimeSpan.FromDays(2));
        await StartAsync();
        host.Time.Advance(TimeSpan.FromDays(2));

        int first, second;
        await using (var scope = host.Scope())
            first = await scope.ServiceProvider.GetRequiredService<EndDueAbsences>().HandleAsync(Ct);
        await using (var scope = host.Scope())
            second = await scope.ServiceProvider.GetRequiredService<EndDueAbsences>().HandleAsync(Ct);

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        await using (var scope = host.Scope())
        {
            var omar = await IdOfAsync(scope, "omar.said@moment.test");
            Assert.Equal(AbsenceState.Ended, (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Absences.SingleAsync(a => a.UserId == omar, Ct)).State);
            var covered = await scope.ServiceProvider.GetRequiredService<ListCoveredWork>().HandleAsync(omar, Ct);
            Assert.Contains(covered.Cases, c => c.Number == number && c.StandIn.Name == "Karin Nord");
            var promise = Assert.Single(covered.Commitments, k => k.CaseNumber == number);

            var taken = await scope.ServiceProvider.GetRequiredService<TakeBackCoveredWork>()
                .HandleAsync(omar, new TakeBackRequest([], [promise.Id]), Ct);
            Assert.Equal(new TakenBack(0, 1), taken);
        }

        await using var check = host.Scope();
        var @case = await check.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(number, Ct);
        Assert.Equal("Karin Nord", @case.Owner.Name);
        Assert.Single(@case.Timeline, e => e.Kind == CaseEventKind.CoverEnded);
    }

    [Fact]
    public async Task StartAndEndDueAbsences_ByTheClock_StartAtItsStartAndEndAtItsEnd()
    {
        await RecordAsync("lars.borg@moment.test", "astrid.lind@moment.test", TimeSpan.FromDays(1), TimeSpan.FromDays(7));

        await StartAsync();
        Assert.Equal(AbsenceState.Planned, await StateOfAsync("lars.borg@moment.test"));
        host.Time.Advance(TimeSpan.FromDays(1));
        await StartAsync();
        Assert.Equal(AbsenceState.Started, await StateOfAsync("lars.borg@moment.test"));
        host.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        await EndAsync();
        Assert.Equal(AbsenceState.Started, await StateOfAsync("lars.borg@moment.test"));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await EndAsync();
        Assert.Equal(AbsenceState.Ended, await StateOfAsync("lars.borg@moment.test"));
    }

    [Fact]
    public async Task RecordAbsence_StandInAwayAtTheSameTime_IsRefusedAndNothingIsWritten()
    {
        await RecordAsync("henrik.falk@moment.test", "maria.berg@moment.test", TimeSpan.FromDays(10), TimeSpan.FromDays(12));

        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            RecordAsync("astrid.lind@moment.test", "henrik.falk@moment.test", TimeSpan.FromDays(11), TimeSpan.FromDays(20)));

        Assert.Equal("StandIn", error.Field);
        await using var scope = host.Scope();
        var astrid = await IdOfAsync(scope, "astrid.lind@moment.test");
        Assert.Null(await scope.ServiceProvider.GetRequiredService<CurrentAbsence>().HandleAsync(astrid, Ct));
    }

    [Fact]
    public async Task TwoInstances_StartingAbsencesAtOnce_StartEachOnceAndMoveEachItemOnce()
    {
        var away = new[] { ("johan.ek@moment.test", "nora.vik@moment.test"), ("ali.karim@moment.test", "eva.sund@moment.test") };
        var numbers = new List<string>();
        foreach (var (person, _) in away)
        {
            for (var i = 0; i < 4; i++)
                numbers.Add(await RegisterAsync(person));
            await PromiseAsync(numbers[^1], person);
        }

        foreach (var (person, standIn) in away)
            await RecordAsync(person, standIn, TimeSpan.FromMinutes(5), TimeSpan.FromDays(5));
        host.Time.Advance(TimeSpan.FromMinutes(5));

        await using var other = host.AnotherInstance();
        var rounds = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            await using var scope = i % 2 == 0 ? host.Scope() : other.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<StartDueAbsences>().HandleAsync(Ct);
        }, Ct)));
        await using (var scope = host.Scope())
            await scope.ServiceProvider.GetRequiredService<StartDueAbsences>().HandleAsync(Ct);

        Assert.Equal(away.Length, rounds.Sum(r => r.Started));
        await using var check = host.Scope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var cases = await db.Cases.AsNoTracking().Include(c => c.Timeline).Include(c => c.Commitments)
            .Where(c => numbers.Contains(c.Number)).ToListAsync(Ct);
        Assert.All(cases, c => Assert.NotNull(c.CoveringForId));
        Assert.All(cases, c => Assert.Equal(1 + c.Commitments.Count, c.Timeline.Count(e => e.Kind == CaseEventKind.CoverStarted)));
    }

    private async Task<AbsenceStarts> StartAsync()
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<StartDueAbsences>().HandleAsync(Ct);
    }

    private async Task EndAsync()
    {
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<EndDueAbsences>().HandleAsync(Ct);
    }

    private async Task<AbsenceState> StateOfAsync(string person)
    {
        await using var scope = host.Scope();
        var id = await IdOfAsync(scope, person);
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Absences.AsNoTracking().SingleAsync(a => a.UserId == id, Ct)).State;
    }

    private async Task RecordAsync(string person, string standIn, TimeSpan startsIn, TimeSpan lasts)
    {
        await using var scope = host.Scope();
        var from = host.Time.GetUtcNow() + startsIn;
        await scope.ServiceProvider.GetRequiredService<RecordAbsence>()
            .HandleAsync(await IdOfAsync(scope, person), new RecordAbsenceRequest(from, from + lasts, standIn), Ct);
    }

    private async Task<string> RegisterAsync(string registrar)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = await db.Customers.Where(c => c.Name == "Nordbygg AB").Select(c => c.Id).FirstAsync(Ct);
        var registered = await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer, null, "Invoice charged twice", null, null, Door.Phone, null), await IdOfAsync(scope, registrar), Ct);
        return registered.Number;
    }

    private async Task OfferAsync(string number, string from, string to)
    {
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<OfferHandOff>().HandleAsync(number,
            new OfferHandOffRequest(null, to, null, "Charged twice for October", "Knows the customer", null), await scope.ActorAsync(from), Ct);
    }

    private async Task PromiseAsync(string number, string keeper)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var keeperId = await IdOfAsync(scope, keeper);
        var @case = await db.Cases.Include(c => c.Commitments).FirstAsync(c => c.Number == number, Ct);
        var now = host.Time.GetUtcNow();
        @case.MakeCommitment(keeperId, CommitmentKind.CallBack, null, keeperId, null, now.AddDays(20), Door.Phone, now);
        await db.SaveChangesAsync(Ct);
    }

    private static Task<Guid> IdOfAsync(AsyncServiceScope scope, string email) =>
        scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync(Ct);
}

public sealed class AbsenceTestsOnSqlite(SqliteHost host) : AbsenceTests(host), IClassFixture<SqliteHost>;

public sealed class AbsenceTestsOnPostgres(PostgresHost host) : AbsenceTests(host), IClassFixture<PostgresHost>;
