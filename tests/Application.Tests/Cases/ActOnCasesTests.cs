using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.TestSupport;

namespace Moment.Application.Tests.Cases;

/// <summary>
/// Bulk actions on a real database of each provider: one timeline entry per case as the single action writes it, the
/// single action's rules per case, and all or nothing. Sara and Erik are agents in Phone, led by Johan; Lina is an agent
/// in Chat, led by Nora; Maria is a manager.
/// </summary>
public abstract class ActOnCasesTests(ApplicationHost host) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";
    private const string Erik = "erik.sjo@moment.test";
    private const string Johan = "johan.ek@moment.test";
    private const string Lina = "lina.strom@moment.test";
    private const string Maria = "maria.berg@moment.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Reassign_ByTheTeamLead_GivesEveryCaseToThePerson_WithOneTimelineEntryEach()
    {
        string[] numbers = [await RegisterAsync(Sara), await RegisterAsync(Sara), await RegisterAsync(Sara)];
        var erik = await IdOfAsync(Erik);

        var done = await ActAsync(Johan, new ActOnCasesRequest(BulkAction.Reassign, numbers, erik, null, null, null, null, "Sara is away this week"));

        Assert.Equal(BulkAction.Reassign, done.Action);
        Assert.Equal(numbers, done.Numbers);
        foreach (var number in numbers)
        {
            var @case = await CaseAsync(number);
            Assert.Equal(("Erik Sjö", "Phone"), (@case.Owner.Name, @case.Team?.Name));
            var entry = Assert.Single(@case.Timeline, e => e.Kind == CaseEventKind.Reassigned);
            Assert.Equal(("Johan Ek", "Sara is away this week"), (entry.Actor, entry.Text));
        }
    }

    [Fact]
    public async Task Priority_WithAnotherTeamsCaseAmongThem_SavesNothing_AndTheRefusalNamesThatCase()
    {
        string[] ours = [await RegisterAsync(Sara), await RegisterAsync(Sara)];
        var theirs = await RegisterAsync(Lina);

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() =>
            ActAsync(Johan, new ActOnCasesRequest(BulkAction.Priority, [.. ours, theirs], null, null, CasePriority.High, null, null, "A business customer")));

        Assert.Contains(theirs, refusal.Message, StringComparison.Ordinal);
        foreach (var number in (string[])[.. ours, theirs])
        {
            var @case = await CaseAsync(number);
            Assert.Equal(CasePriority.Normal, @case.Priority);
            Assert.DoesNotContain(@case.Timeline, e => e.Kind == CaseEventKind.Edited);
        }
    }

    [Fact]
    public async Task CaseType_ByAManager_ChangesEveryTeamsCases_EachWithOneEditedEntry()
    {
        string[] numbers = [await RegisterAsync(Sara), await RegisterAsync(Lina)];
        var fault = await CaseTypeAsync("Fault report");

        await ActAsync(Maria, new ActOnCasesRequest(BulkAction.CaseType, numbers, null, null, null, fault, null, "The app's booking screen crashes"));

        foreach (var number in numbers)
        {
            var @case = await CaseAsync(number);
            Assert.Equal("Fault report", @case.CaseType);
            var entry = Assert.Single(@case.Timeline, e => e.Kind == CaseEventKind.Edited);
            Assert.Equal(("Maria Berg", "The app's booking screen crashes"), (entry.Actor, entry.Text));
            Assert.Equal([new ChangeView(CaseField.CaseType, "Question", "Fault report")], entry.Changes);
        }
    }

    [Fact]
    public async Task Offer_OfTheLeadsOwnCases_ToATeam_EachWaits_AndOfferingThemAgainIsRefusedNamingTheCase()
    {
        string[] numbers = [await RegisterAsync(Johan), await RegisterAsync(Johan)];
        var chat = await TeamAsync("Chat");

        await ActAsync(Johan, new ActOnCasesRequest(BulkAction.Offer, numbers, null, chat, null, null, "Billing questions from the chat", "Chat answers billing"));

        foreach (var number in numbers)
        {
            var @case = await CaseAsync(number);
            Assert.Equal(("Chat", "Johan Ek", "Johan Ek"), (@case.PendingHandOff?.ToTeam?.Name, @case.PendingHandOff?.OfferedBy.Name, @case.Owner.Name));
            Assert.Single(@case.Timeline, e => e.Kind == CaseEventKind.HandOffOffered);
        }

        var again = await Assert.ThrowsAsync<ConflictException>(() =>
            ActAsync(Johan, new ActOnCasesRequest(BulkAction.Offer, numbers, null, chat, null, null, "Billing questions", "Chat answers billing")));
        Assert.Contains(numbers[0], again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offer_OfSomeoneElsesCase_IsRefusedAsForOneCase_AndNothingIsOffered()
    {
        string[] numbers = [await RegisterAsync(Johan), await RegisterAsync(Sara)];
        var chat = await TeamAsync("Chat");

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() =>
            ActAsync(Johan, new ActOnCasesRequest(BulkAction.Offer, numbers, null, chat, null, null, "Billing questions", "Chat answers billing")));

        Assert.Contains(numbers[1], refusal.Message, StringComparison.Ordinal);
        Assert.Null((await CaseAsync(numbers[0])).PendingHandOff);
    }

    [Fact]
    public async Task Reassign_WhenALaterCaseIsRefused_TheEarlierStaysWithItsOwner_AndTheRefusalNamesTheCase()
    {
        var erikOwns = await RegisterAsync(Erik);
        var saraOwns = await RegisterAsync(Sara);
        var sara = await IdOfAsync(Sara);

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() =>
            ActAsync(Johan, new ActOnCasesRequest(BulkAction.Reassign, [erikOwns, saraOwns], sara, null, null, null, null, "Sara knows the customer")));

        Assert.Equal($"Case {saraOwns}: That person already owns the case.", refusal.Message);
        Assert.Equal("Case {0}: {1}", refusal.MessageFormat);
        var earlier = await CaseAsync(erikOwns);
        Assert.Equal("Erik Sjö", earlier.Owner.Name);
        Assert.DoesNotContain(earlier.Timeline, e => e.Kind == CaseEventKind.Reassigned);
    }

    [Fact]
    public async Task Act_ByAnAgent_OrOnTooManyCases_OrOnACaseThatDoesNotExist_IsRefused()
    {
        var number = await RegisterAsync(Sara);
        var erik = await IdOfAsync(Erik);
        var tooMany = Enumerable.Range(1, ActOnCases.MaxCases + 1).Select(i => $"M-2026-{i:000000}").ToArray();

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            ActAsync(Sara, new ActOnCasesRequest(BulkAction.Reassign, [number], erik, null, null, null, null, "Going on holiday")));
        var above = await Assert.ThrowsAsync<DomainRuleException>(() =>
            ActAsync(Johan, new ActOnCasesRequest(BulkAction.Reassign, tooMany, erik, null, null, null, null, "Too many")));
        var missing = await Assert.ThrowsAsync<NotFoundException>(() =>
            ActAsync(Johan, new ActOnCasesRequest(BulkAction.Reassign, [number, "M-1999-000001"], erik, null, null, null, null, "Erik takes them")));

        Assert.Equal(("Numbers", $"Choose at most 100 cases at a time; you chose {ActOnCases.MaxCases + 1}."), (above.Field, above.Message));
        Assert.Equal("There is no case M-1999-000001.", missing.Message);
        Assert.Equal("Sara Holm", (await CaseAsync(number)).Owner.Name);
    }

    private async Task<ActedOnCases> ActAsync(string email, ActOnCasesRequest request)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<ActOnCases>().HandleAsync(request, await scope.ActorAsync(email), Ct);
    }

    private async Task<CaseDetails> CaseAsync(string number)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(number, Ct);
    }

    private async Task<Guid> IdOfAsync(string email)
    {
        await using var scope = host.Scope();
        return (await scope.ActorAsync(email)).Id;
    }

    private async Task<Guid> CaseTypeAsync(string name)
    {
        await using var scope = host.Scope();
        return (await scope.ServiceProvider.GetRequiredService<CaseTypes>().ListAsync(Ct)).Single(t => t.Name == name).Id;
    }

    private async Task<Guid> TeamAsync(string name)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync(Ct);
    }

    private async Task<string> RegisterAsync(string registrar)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = await db.Customers.Where(c => c.Name == "Nordbygg AB").Select(c => c.Id).FirstAsync(Ct);
        var registered = await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer, null, "Invoice charged twice", null, null, Door.Phone, null), (await scope.ActorAsync(registrar)).Id, Ct);
        return registered.Number;
    }
}

public sealed class ActOnCasesTestsOnSqlite(SqliteHost host) : ActOnCasesTests(host), IClassFixture<SqliteHost>;

public sealed class ActOnCasesTestsOnPostgres(PostgresHost host) : ActOnCasesTests(host), IClassFixture<PostgresHost>;
