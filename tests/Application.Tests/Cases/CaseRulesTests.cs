using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Absences;
using Moment.Application.Cases;
using Moment.Application.Commitments;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.TestSupport;

namespace Moment.Application.Tests.Cases;

/// <summary>
/// Who may do what with a case and its promises, decided in Application (issue 11): the probe's cases are refused, and
/// what stays open to every case worker still works. Sara and Erik are agents in Phone, led by Johan; Lina is an agent
/// in Chat, led by Nora; Maria is a manager; Per is leadership.
/// </summary>
public abstract class CaseRulesTests(ApplicationHost host) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";
    private const string Erik = "erik.sjo@moment.test";
    private const string Johan = "johan.ek@moment.test";
    private const string Lina = "lina.strom@moment.test";
    private const string Nora = "nora.vik@moment.test";
    private const string Maria = "maria.berg@moment.test";
    private const string Per = "per.dahl@moment.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task AnotherTeamsAgent_MayNoteAndRecordContacts_ButNotReplyPubliclyOrLink()
    {
        var number = await RegisterAsync(Sara);
        var earlier = await RegisterAsync(Sara);

        await AsAsync<AddCaseNote>(Lina, (note, lina) => note.HandleAsync(number, new AddCaseNoteRequest("Customer called the chat", false, null), lina, Ct));
        await AsAsync<RecordContact>(Lina, (record, lina) =>
            record.HandleAsync(number, new RecordContactRequest(Door.Chat, ContactDirection.Inbound, "Asked about the invoice", false, null), lina, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            AsAsync<AddCaseNote>(Lina, (note, lina) => note.HandleAsync(number, new AddCaseNoteRequest("We will refund you", true, null), lina, Ct)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync<LinkCases>(Lina, (link, lina) => link.HandleAsync(number, earlier, lina, Ct)));

        var @case = await CaseAsync(number);
        Assert.DoesNotContain(@case.Timeline, e => e.Kind == CaseEventKind.PublicReply);
        Assert.Null(@case.SameProblemAs);
        Assert.Contains(@case.Timeline, e => e.Kind == CaseEventKind.InternalNote && e.Actor == "Lina Ström");
    }

    [Fact]
    public async Task PublicReply_ByTheOwnerTheTeamsLeadAndAManager_IsSaid_ByAnotherTeamsLead_IsRefused()
    {
        var number = await RegisterAsync(Sara);

        foreach (var who in new[] { Sara, Johan, Maria })
            await AsAsync<AddCaseNote>(who, (note, actor) => note.HandleAsync(number, new AddCaseNoteRequest("Reply from " + who, true, null), actor, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            AsAsync<AddCaseNote>(Nora, (note, nora) => note.HandleAsync(number, new AddCaseNoteRequest("Reply from Nora", true, null), nora, Ct)));

        Assert.Equal(3, (await CaseAsync(number)).Timeline.Count(e => e.Kind == CaseEventKind.PublicReply));
    }

    [Fact]
    public async Task Link_ByTheOwner_CountsARepeatContact()
    {
        var earlier = await RegisterAsync(Sara);
        var later = await RegisterAsync(Sara);

        await AsAsync<LinkCases>(Sara, (link, sara) => link.HandleAsync(later, earlier, sara, Ct));

        Assert.Equal(earlier, (await CaseAsync(later)).SameProblemAs);
    }

    [Fact]
    public async Task CustomerAnswer_RecordedByAnyCaseWorker_AsWithAContact()
    {
        var number = await RegisterAsync(Sara);
        await AsAsync<ProposeResolution>(Sara, (propose, sara) => propose.HandleAsync(number, new ProposeResolutionRequest("Refunded.", null), sara, Ct));

        await AsAsync<RecordCustomerAnswer>(Lina, (record, lina) => record.HandleAsync(number, new RecordCustomerAnswerRequest(true, Door.Chat, null, null), lina, Ct));

        Assert.Equal(CaseStatus.Resolved, (await CaseAsync(number)).Status);
    }

    [Fact]
    public async Task Reassign_ByAnotherTeamsLead_IsRefused_ByTheTeamsLeadOrAManager_Works()
    {
        var number = await RegisterAsync(Sara);
        var erik = await IdOfAsync(Erik);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            AsAsync<ReassignCase>(Nora, (reassign, nora) => reassign.HandleAsync(number, new ReassignCaseRequest(erik, "Sara is busy", null), nora, Ct)));
        Assert.Equal("Sara Holm", (await CaseAsync(number)).Owner.Name);

        await AsAsync<ReassignCase>(Johan, (reassign, johan) => reassign.HandleAsync(number, new ReassignCaseRequest(erik, "Sara is busy", null), johan, Ct));
        Assert.Equal("Erik Sjö", (await CaseAsync(number)).Owner.Name);
        var sara = await IdOfAsync(Sara);
        await AsAsync<ReassignCase>(Maria, (reassign, maria) => reassign.HandleAsync(number, new ReassignCaseRequest(sara, "Back to Sara", null), maria, Ct));
        Assert.Equal("Sara Holm", (await CaseAsync(number)).Owner.Name);
    }

    [Fact]
    public async Task Leadership_IsNeverMadeOwnerKeeperOrReceiver_AndNeverActs()
    {
        var number = await RegisterAsync(Sara);
        var per = await IdOfAsync(Per);

        var reassigned = await Assert.ThrowsAsync<DomainRuleException>(() =>
            AsAsync<ReassignCase>(Johan, (reassign, johan) => reassign.HandleAsync(number, new ReassignCaseRequest(per, "Per asked", null), johan, Ct)));
        var offered = await Assert.ThrowsAsync<DomainRuleException>(() =>
            AsAsync<OfferHandOff>(Sara, (offer, sara) => offer.HandleAsync(number, new OfferHandOffRequest(null, Per, null, "Summary", "Reason", null), sara, Ct)));
        var promised = await Assert.ThrowsAsync<DomainRuleException>(() =>
            AsAsync<MakeCommitment>(Maria, (make, maria) => make.HandleAsync(number, Promise(keeperEmail: Per), maria, Ct)));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            AsAsync<RecordContact>(Per, (record, actor) =>
                record.HandleAsync(number, new RecordContactRequest(Door.Phone, ContactDirection.Inbound, "Per took the call", false, null), actor, Ct)));

        Assert.Equal(("NewOwnerId", "ToUser", "Keeper"), (reassigned.Field, offered.Field, promised.Field));
        var @case = await CaseAsync(number);
        Assert.Equal("Sara Holm", @case.Owner.Name);
        Assert.Null(@case.PendingHandOff);
        Assert.Empty(@case.Promises);
    }

    [Fact]
    public async Task Leadership_IsNeverAStandIn()
    {
        var error = await Assert.ThrowsAsync<DomainRuleException>(() => AsAsync<RecordAbsence>(Lina, (record, lina) =>
            record.HandleAsync(lina.Id, new RecordAbsenceRequest(host.Time.GetUtcNow().AddDays(30), host.Time.GetUtcNow().AddDays(32), Per), Ct)));

        Assert.Equal("StandIn", error.Field);
        Assert.Contains("Per Dahl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promise_ForSomeoneElse_OnlyByTheirTeamLeadOrAManager()
    {
        var number = await RegisterAsync(Sara);

        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync<MakeCommitment>(Sara, (make, sara) => make.HandleAsync(number, Promise(keeperEmail: Erik), sara, Ct)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync<MakeCommitment>(Nora, (make, nora) => make.HandleAsync(number, Promise(keeperEmail: Erik), nora, Ct)));
        await AsAsync<MakeCommitment>(Sara, (make, sara) => make.HandleAsync(number, Promise(), sara, Ct));
        await AsAsync<MakeCommitment>(Johan, (make, johan) => make.HandleAsync(number, Promise(keeperEmail: Erik), johan, Ct));
        await AsAsync<MakeCommitment>(Maria, (make, maria) => make.HandleAsync(number, Promise(keeperEmail: Erik), maria, Ct));

        var keepers = (await CaseAsync(number)).Promises.Select(p => p.Keeper.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["Erik Sjö", "Erik Sjö", "Sara Holm"], keepers);
    }

    [Fact]
    public async Task Promise_KeptOrWithdrawn_ByItsKeeperTheirTeamLeadOrAManager_NotByAnotherTeamsLead()
    {
        var number = await RegisterAsync(Erik);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add(await AsAsync<MakeCommitment, Guid>(Erik, async (make, erik) => (await make.HandleAsync(number, Promise(), erik, Ct)).Id));

        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync<KeepCommitment>(Nora, (keep, nora) => keep.HandleAsync(ids[0], new KeepCommitmentRequest("Called"), nora, Ct)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync<WithdrawCommitment>(Nora, (withdraw, nora) => withdraw.HandleAsync(ids[0], new WithdrawCommitmentRequest("Not needed"), nora, Ct)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync<KeepCommitment>(Sara, (keep, sara) => keep.HandleAsync(ids[0], new KeepCommitmentRequest("Called"), sara, Ct)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync<RecordContact>(Lina, (record, lina) =>
            record.HandleAsync(number, new RecordContactRequest(Door.Phone, ContactDirection.Outbound, "Called", false, null, ids[0]), lina, Ct)));

        await AsAsync<KeepCommitment>(Erik, (keep, erik) => keep.HandleAsync(ids[0], new KeepCommitmentRequest("Called"), erik, Ct));
        await AsAsync<KeepCommitment>(Johan, (keep, johan) => keep.HandleAsync(ids[1], new KeepCommitmentRequest("Called for Erik"), johan, Ct));
        await AsAsync<WithdrawCommitment>(Maria, (withdraw, maria) => withdraw.HandleAsync(ids[2], new WithdrawCommitmentRequest("Not needed"), maria, Ct));

        var states = (await CaseAsync(number)).Promises.OrderBy(p => ids.IndexOf(p.Id)).Select(p => p.State);
        Assert.Equal([CommitmentState.Kept, CommitmentState.Kept, CommitmentState.Withdrawn], states);
    }

    private static MakeCommitmentRequest Promise(string? keeperEmail = null) =>
        new(CommitmentKind.CallBack, "We call you back", null, keeperEmail, null, 2, null, null, Door.Phone, null);

    private async Task AsAsync<TUseCase>(string email, Func<TUseCase, Actor, Task> act)
        where TUseCase : notnull
    {
        await using var scope = host.Scope();
        await act(scope.ServiceProvider.GetRequiredService<TUseCase>(), await scope.ActorAsync(email));
    }

    private async Task<TResult> AsAsync<TUseCase, TResult>(string email, Func<TUseCase, Actor, Task<TResult>> act)
        where TUseCase : notnull
    {
        await using var scope = host.Scope();
        return await act(scope.ServiceProvider.GetRequiredService<TUseCase>(), await scope.ActorAsync(email));
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

public sealed class CaseRulesTestsOnSqlite(SqliteHost host) : CaseRulesTests(host), IClassFixture<SqliteHost>;

public sealed class CaseRulesTestsOnPostgres(PostgresHost host) : CaseRulesTests(host), IClassFixture<PostgresHost>;
