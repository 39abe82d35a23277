using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Feed;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.TestSupport;

namespace Moment.Application.Tests.Cases;

/// <summary>
/// Correcting a case's subject, type, priority and team on a real database of each provider: who may, what the timeline
/// says, and a stale edit. Sara is an agent in Phone, led by Johan; Lina is an agent in Chat, led by Nora; Maria is a manager.
/// </summary>
public abstract class EditCaseTests(ApplicationHost host) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";
    private const string Johan = "johan.ek@moment.test";
    private const string Lina = "lina.strom@moment.test";
    private const string Nora = "nora.vik@moment.test";
    private const string Maria = "maria.berg@moment.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Edit_ByTheOwner_ChangesTheDetails_AndTheTimelineSaysWhoWhatAndWhy_WithNames()
    {
        var number = await RegisterAsync(Sara);
        var fault = await CaseTypeAsync("Fault report");
        var chat = await TeamAsync("Chat");

        await EditAsync(Sara, number, new EditCaseRequest("Invoice charged twice in November", fault, CasePriority.High, chat, "The customer says it is a fault in the app", null));

        var @case = await CaseAsync(number);
        Assert.Equal(("Invoice charged twice in November", "Fault report", CasePriority.High, "Chat", "Sara Holm"),
            (@case.Subject, @case.CaseType, @case.Priority, @case.Team?.Name, @case.Owner.Name));
        var entry = @case.Timeline[^1];
        Assert.Equal((CaseEventKind.Edited, "Sara Holm", "The customer says it is a fault in the app"), (entry.Kind, entry.Actor, entry.Text));
        Assert.Equal(
            [new ChangeView(CaseField.Subject, "Invoice charged twice", "Invoice charged twice in November"),
             new ChangeView(CaseField.CaseType, "Question", "Fault report"),
             new ChangeView(CaseField.Priority, "Normal", "High"),
             new ChangeView(CaseField.Team, "Phone", "Chat")],
            entry.Changes);
        Assert.All(@case.Timeline.Take(@case.Timeline.Count - 1), e => Assert.Null(e.Changes));
    }

    [Fact]
    public async Task Edit_ByTheTeamsLeadAndAManager_IsSaved_ByAnotherTeamsAgentOrLead_IsRefused()
    {
        var number = await RegisterAsync(Sara);
        var question = await CaseTypeAsync("Question");
        var phone = await TeamAsync("Phone");

        await EditAsync(Johan, number, new EditCaseRequest("Invoice charged twice", question, CasePriority.High, phone, "A business customer", null));
        await EditAsync(Maria, number, new EditCaseRequest("Invoice charged twice", question, CasePriority.Urgent, phone, "Their payroll stops", null));
        foreach (var who in new[] { Lina, Nora })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() =>
                EditAsync(who, number, new EditCaseRequest("Invoice charged twice", question, CasePriority.Low, phone, "Not urgent", null)));
        }

        var @case = await CaseAsync(number);
        Assert.Equal(CasePriority.Urgent, @case.Priority);
        Assert.Equal(["Johan Ek", "Maria Berg"], @case.Timeline.Where(e => e.Kind == CaseEventKind.Edited).Select(e => e.Actor));
    }

    [Fact]
    public async Task Edit_OnAStaleVersion_IsAConflict_AndNothingChanges()
    {
        var number = await RegisterAsync(Sara);
        var question = await CaseTypeAsync("Question");
        var phone = await TeamAsync("Phone");
        var opened = (await CaseAsync(number)).Version;
        await EditAsync(Johan, number, new EditCaseRequest("Invoice charged twice", question, CasePriority.High, phone, "A business customer", opened));

        await Assert.ThrowsAsync<ConflictException>(() =>
            EditAsync(Sara, number, new EditCaseRequest("Invoice charged twice (again)", question, CasePriority.Low, phone, "Not urgent", opened)));

        var @case = await CaseAsync(number);
        Assert.Equal(("Invoice charged twice", CasePriority.High), (@case.Subject, @case.Priority));
        Assert.Single(@case.Timeline, e => e.Kind == CaseEventKind.Edited);
    }

    [Fact]
    public async Task Edit_ToATypeOrTeamThatDoesNotExist_IsRefusedAtItsField()
    {
        var number = await RegisterAsync(Sara);
        var question = await CaseTypeAsync("Question");
        var phone = await TeamAsync("Phone");

        var noType = await Assert.ThrowsAsync<DomainRuleException>(() =>
            EditAsync(Sara, number, new EditCaseRequest("Invoice charged twice", Guid.NewGuid(), CasePriority.Normal, phone, "Typo", null)));
        var noTeam = await Assert.ThrowsAsync<DomainRuleException>(() =>
            EditAsync(Sara, number, new EditCaseRequest("Invoice charged twice", question, CasePriority.Normal, Guid.NewGuid(), "Typo", null)));
        var nothing = await Assert.ThrowsAsync<DomainRuleException>(() =>
            EditAsync(Sara, number, new EditCaseRequest("Invoice charged twice", question, CasePriority.Normal, phone, "Typo", null)));

        Assert.Equal(["CaseTypeId", "TeamId", null], new[] { noType.Field, noTeam.Field, nothing.Field });
        Assert.DoesNotContain((await CaseAsync(number)).Timeline, e => e.Kind == CaseEventKind.Edited);
    }

    [Fact]
    public async Task Edit_ByTheTeamsLead_TheOwnerIsTold()
    {
        var number = await RegisterAsync(Sara);
        var question = await CaseTypeAsync("Question");
        var phone = await TeamAsync("Phone");

        await EditAsync(Johan, number, new EditCaseRequest("Invoice charged twice", question, CasePriority.High, phone, "A business customer", null));

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sara = await scope.ActorAsync(Sara);
        var johan = await scope.ActorAsync(Johan);
        var @case = await db.Cases.Where(c => c.Number == number).Select(c => new { c.Id, c.OwnerId }).SingleAsync(Ct);
        var edited = new FeedEvent(FeedPosition.Start, @case.Id, number, @case.OwnerId, CaseEventKind.Edited, host.Time.GetUtcNow(), johan.Id, null, null, null, null, null, false);
        var news = await scope.ServiceProvider.GetRequiredService<WhoIsTold>().ForAsync([edited], Ct);
        Assert.Equal([sara.Id], Assert.Single(news).People);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<WhoIsTold>().ForAsync([edited with { ActorId = sara.Id }], Ct));
    }

    private async Task EditAsync(string email, string number, EditCaseRequest request)
    {
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<EditCase>().HandleAsync(number, request, await scope.ActorAsync(email), Ct);
    }

    private async Task<CaseDetails> CaseAsync(string number)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(number, Ct);
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

public sealed class EditCaseTestsOnSqlite(SqliteHost host) : EditCaseTests(host), IClassFixture<SqliteHost>;

public sealed class EditCaseTestsOnPostgres(PostgresHost host) : EditCaseTests(host), IClassFixture<PostgresHost>;
