using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Customers;
using Moment.Application.Data;
using Moment.Application.Phone;
using Moment.Application.Queues;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Domain.Phone;
using Moment.Domain.Queues;
using Moment.TestSupport;
using Numbers = Moment.Application.Customers.PhoneNumbers;

namespace Moment.Application.Tests.Phone;

/// <summary>
/// The PBX's call events (Zammad's generic CTI shape) on a real database of each provider: a call from a customer's
/// number rings on the desk of the person at the extension, with the customer's open cases and promises; retries and
/// late events change nothing; a call is logged on a case once; and the PBX is told to send a caller with an open case
/// to its owner's extension, unless the owner is away.
/// </summary>
public abstract class PbxCallTests(ApplicationHost host) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";
    private const string Erik = "erik.sjo@moment.test";
    private const string ErikExtension = "202";
    private const string OurNumber = "+46855500000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task NewCall_FromACustomersNumber_RingsOnTheDeskAtTheExtension_WithTheirOpenCasesAndPromises()
    {
        var (typed, e164, number) = await CustomerWithAPromiseAsync("Greta Ringer");

        var taken = await EventAsync(new("newCall", "ring-1", typed, OurNumber, "in", ErikExtension, null, null, null));

        var erik = await IdOfAsync(Erik);
        Assert.Equal([erik], taken.Tell);
        var call = Assert.Single(await DeskAsync(erik), c => c.Callers.Any(caller => caller.Name == "Greta Ringer"));
        Assert.Equal(PbxCallState.Ringing, call.State);
        Assert.Equal(Numbers.Display(e164), call.Number);
        var open = Assert.Single(Assert.Single(call.Callers).OpenCases);
        Assert.Equal(number, open.Number);
        Assert.Equal("Sara Holm", open.OwnerName);
        Assert.Equal(1, open.OpenPromises);
        Assert.NotNull(open.NextDeadline);
        Assert.DoesNotContain(await DeskAsync(await IdOfAsync(Sara)), c => c.Callers.Any(caller => caller.Name == "Greta Ringer"));
    }

    [Fact]
    public async Task RetriedAndLateEvents_KeepOneCall_AndChangeNothingOnceItHasEnded()
    {
        var from = NewTypedNumber();
        await EventAsync(new("newCall", "retry-1", from, OurNumber, "in", ErikExtension, null, null, null));
        await EventAsync(new("newCall", "retry-1", from, OurNumber, "in", ErikExtension, null, null, null));
        host.Time.Advance(TimeSpan.FromSeconds(5));
        await EventAsync(new("answer", "retry-1", from, OurNumber, "in", null, null, ErikExtension, null));
        host.Time.Advance(TimeSpan.FromMinutes(3));
        await EventAsync(new("hangup", "retry-1", from, OurNumber, "in", null, null, null, "normalClearing"));
        await EventAsync(new("answer", "retry-1", from, OurNumber, "in", null, null, ErikExtension, null));
        await EventAsync(new("hangup", "retry-1", from, OurNumber, "in", null, null, null, "cancel"));

        await EventAsync(new("newCall", "missed-1", from, OurNumber, "in", ErikExtension, null, null, null));
        await EventAsync(new("hangup", "missed-1", from, OurNumber, "in", null, null, null, "cancel"));

        await using var scope = host.Scope();
        var calls = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PbxCalls.AsNoTracking()
            .Where(c => c.CallId == "retry-1" || c.CallId == "missed-1").ToListAsync(Ct);
        Assert.Equal(2, calls.Count);
        var answered = calls.Single(c => c.CallId == "retry-1");
        Assert.Equal(PbxCallState.Ended, answered.State);
        Assert.Equal(TimeSpan.FromMinutes(3), answered.Talked);
        Assert.Equal("normalClearing", answered.EndCause);
        Assert.False(answered.Missed);
        Assert.True(calls.Single(c => c.CallId == "missed-1").Missed);
    }

    [Fact]
    public async Task AHangUpOfACallNeverHeardRinging_IsStillACallOnTheDesk()
    {
        var from = NewTypedNumber();

        await EventAsync(new("hangup", "unheard-1", from, OurNumber, "in", ErikExtension, null, null, "noAnswer"));

        var call = Assert.Single(await DeskAsync(await IdOfAsync(Erik)), c => c.Number == Numbers.Display(Numbers.TryNormalize(from)!));
        Assert.True(call.Missed);
    }

    [Theory]
    [InlineData("ring", "bad-1", "in", "Event")]
    [InlineData(null, "bad-2", "in", "Event")]
    [InlineData("newCall", null, "in", "CallId")]
    [InlineData("newCall", "bad-3", "sideways", "Direction")]
    public async Task AnEventThatMeansNothing_IsRefusedNamingTheField_AndMakesNoCall(string? kind, string? callId, string direction, string field)
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => EventAsync(new(kind, callId, NewTypedNumber(), OurNumber, direction, ErikExtension, null, null, null)));

        Assert.Equal(field, refused.Field);
        await using var scope = host.Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().PbxCalls.AnyAsync(c => c.CallId == callId, Ct));
    }

    [Fact]
    public async Task LoggingACall_RecordsAPhoneContactOnTheCase_TakesItOffTheDesk_AndHappensOnce()
    {
        var (typed, _, number) = await CustomerWithAPromiseAsync("Gustav Loggad");
        await EventAsync(new("newCall", "log-1", typed, OurNumber, "in", ErikExtension, null, null, null));
        await EventAsync(new("answer", "log-1", typed, OurNumber, "in", ErikExtension, null, null, null));
        var erik = await IdOfAsync(Erik);
        var call = Assert.Single(await DeskAsync(erik), c => c.Callers.Any(caller => caller.Name == "Gustav Loggad"));

        await LogAsync(call.Id, number, "Asked when the technician comes");

        Assert.DoesNotContain(await DeskAsync(erik), c => c.Id == call.Id);
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var contact = await db.CaseEvents.Join(db.Cases, e => e.CaseId, c => c.Id, (e, c) => new { e, c.Number })
                .Where(x => x.Number == number && x.e.Kind == CaseEventKind.Contact && x.e.Text == "Asked when the technician comes")
                .Select(x => x.e).SingleAsync(Ct);
            Assert.Equal(Door.Phone, contact.Door);
            Assert.Equal(ContactDirection.Inbound, contact.Direction);
            Assert.Equal(erik, contact.ActorId);
        }

        var again = await Assert.ThrowsAsync<DomainRuleException>(() => LogAsync(call.Id, number, "Twice"));
        Assert.Equal("Call", again.Field);
    }

    [Fact]
    public async Task Route_ACallerWithAnOpenCase_GoesToItsOwnersExtension_UnlessTheOwnerIsAway_AndAStrangerToTheQueue()
    {
        var (typed, _, number) = await CustomerWithAPromiseAsync("Hilda Hemma", owner: Erik);

        var route = await RouteAsync(typed);
        Assert.Equal(new PbxRoute(RoutePbxCall.ToExtension, ErikExtension, number, "Erik Sjö", "Hilda Hemma"), route);

        await using (var scope = host.Scope())
            await scope.ServiceProvider.GetRequiredService<SetPresence>().HandleAsync(await scope.ActorAsync(Erik), Presence.Away, Ct);
        Assert.Equal(RoutePbxCall.ToQueue, (await RouteAsync(typed)).Action);

        await using (var scope = host.Scope())
            await scope.ServiceProvider.GetRequiredService<SetPresence>().HandleAsync(await scope.ActorAsync(Erik), Presence.Available, Ct);
        Assert.Equal(RoutePbxCall.ToExtension, (await RouteAsync(typed)).Action);
        Assert.Equal(RoutePbxCall.ToQueue, (await RouteAsync(NewTypedNumber())).Action);
        Assert.Equal(RoutePbxCall.ToQueue, (await RouteAsync("anonymous")).Action);
    }

    [Theory]
    [InlineData("201", "Another member of staff already has the extension {0}.")]
    [InlineData("2 01", "An extension is digits (201), a number (+46812345678) or a SIP name, without spaces.")]
    public async Task AnExtensionTakenOrMalformed_IsRefused(string extension, string refusal)
    {
        await using var scope = host.Scope();
        var lina = await scope.ServiceProvider.GetRequiredService<ListStaff>().FindAsync(await IdOfAsync("lina.strom@moment.test"), Ct);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => scope.ServiceProvider.GetRequiredService<SaveStaffMember>().HandleAsync(
            new SaveStaffMemberRequest(lina!.Id, lina.DisplayName, lina.Email, lina.Roles, lina.TeamId, lina.IsActive, null, extension), Ct));

        Assert.Equal("Extension", refused.Field);
        Assert.Equal(refusal, refused.MessageFormat);
    }

    private static string NewTypedNumber() => $"070-{Random.Shared.Next(1_000_000, 9_999_999)}";

    /// <summary>A new customer with a mobile number as people type it, and an open case owned by <paramref name="owner"/> with a call-back promise.</summary>
    private async Task<(string Typed, string E164, string Number)> CustomerWithAPromiseAsync(string name, string owner = Sara)
    {
        var typed = NewTypedNumber();
        await using var scope = host.Scope();
        var customer = await scope.ServiceProvider.GetRequiredService<RegisterCustomer>().HandleAsync(new RegisterCustomerRequest(name, [typed], null, null), Ct);
        var agent = await scope.ActorAsync(owner);
        var registered = await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer.Id, null, "The router blinks red", null, null, Door.Phone, null), agent.Id, Ct);
        var work = scope.ServiceProvider.GetRequiredService<CaseWork>();
        var @case = await work.LoadAsync(registered.Number, null, Ct);
        @case.MakeCommitment(agent.Id, CommitmentKind.CallBack, null, agent.Id, agent.TeamId, work.Now + TimeSpan.FromHours(2), Door.Phone, work.Now);
        await work.SaveAsync(Ct);
        return (typed, Numbers.TryNormalize(typed)!, registered.Number);
    }

    private async Task<PbxEventTaken> EventAsync(PbxEventRequest request)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<TakePbxEvent>().HandleAsync(request, Ct);
    }

    private async Task<IReadOnlyList<CallOnDesk>> DeskAsync(Guid agent)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<CallsOnDesk>().HandleAsync(agent, Ct);
    }

    private async Task LogAsync(Guid call, string number, string summary)
    {
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<LogCall>().HandleAsync(call, new LogCallRequest(number, summary), await scope.ActorAsync(Erik), Ct);
    }

    private async Task<PbxRoute> RouteAsync(string from)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<RoutePbxCall>().HandleAsync(from, Ct);
    }

    private async Task<Guid> IdOfAsync(string email)
    {
        await using var scope = host.Scope();
        return (await scope.ActorAsync(email)).Id;
    }
}

public sealed class PbxCallTestsOnSqlite(SqliteHost host) : PbxCallTests(host), IClassFixture<SqliteHost>;

public sealed class PbxCallTestsOnPostgres(PostgresHost host) : PbxCallTests(host), IClassFixture<PostgresHost>;
