using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.KnownIssues;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Domain.KnownIssues;
using Moment.TestSupport;

namespace Moment.Application.Tests.KnownIssues;

/// <summary>Known issues on a real database of each provider: who registers, one-tap links, failure demand per week, the promises when fixed.</summary>
public abstract class KnownIssueTests(ApplicationHost host) : IAsyncLifetime
{
    private const string Agent = "sara.holm@moment.test";
    private const string TeamLead = "johan.ek@moment.test";
    private const string Host = "karin.nord@moment.test";

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static KnownIssueText AppCrash(string title) => new(title, "Bokningsappen",
        "Appen stänger sig när man väljer plats på Android 14.", "Boka på webben eller i biljettautomaten.", KnownIssueStatus.Workaround,
        new DateOnly(2026, 12, 15), "Bokningsappen kan stänga sig när du väljer plats. Boka på webben så länge.");

    [Fact]
    public async Task RegisterKnownIssue_ByAnAgent_IsForbiddenAndByATeamLeadRegistered()
    {
        await using var scope = host.Scope();
        var register = scope.ServiceProvider.GetRequiredService<RegisterKnownIssue>();
        var sara = await scope.ActorAsync(Agent);

        await Assert.ThrowsAsync<ForbiddenException>(() => register.HandleAsync(sara, AppCrash("Agent's issue"), Ct));
        var issue = await register.HandleAsync(await scope.ActorAsync(TeamLead), AppCrash("Lead's issue"), Ct);

        var listed = await scope.ServiceProvider.GetRequiredService<KnownIssueViews>().ListAsync(activeOnly: true, Ct);
        Assert.Contains(listed, i => i.Id == issue.Id && i.Status == KnownIssueStatus.Workaround);
        Assert.DoesNotContain(listed, i => i.Title == "Agent's issue");
    }

    [Fact]
    public async Task LinkCase_TappedTwice_LinksOnceAndTheCasePageShowsItLinked()
    {
        var issue = await RegisterAsync(AppCrash("Seat choice crash, linked twice"));
        var number = await NewCaseAsync("Appen stänger sig", "Appen stänger sig när han väljer plats.");
        await using var scope = host.Scope();
        var karin = await scope.ActorAsync(Host);
        var link = scope.ServiceProvider.GetRequiredService<LinkCaseToKnownIssue>();

        var first = await link.HandleAsync(karin, issue, number, Ct);
        var second = await link.HandleAsync(karin, issue, number, Ct);

        Assert.True(first.IsNew);
        Assert.False(second.IsNew);
        Assert.Equal(first.Link.Id, second.Link.Id);
        var forCase = await scope.ServiceProvider.GetRequiredService<KnownIssueViews>().ForCaseAsync(number, Ct);
        Assert.Contains(forCase.Linked, i => i.Id == issue);
        Assert.DoesNotContain(forCase.Matching, i => i.Id == issue);
    }

    [Fact]
    public async Task ForCase_CaseTextSpeaksOfAnActiveIssue_ShowsItAsMatching()
    {
        var issue = await RegisterAsync(AppCrash("Seat choice crash, matched"));
        var number = await NewCaseAsync("Bokningsappen kraschar", "Resenären säger att appen stängs när han väljer plats, Android 14.");
        await using var scope = host.Scope();

        var forCase = await scope.ServiceProvider.GetRequiredService<KnownIssueViews>().ForCaseAsync(number, Ct);

        Assert.Contains(forCase.Matching, i => i.Id == issue);
    }

    [Fact]
    public async Task FailureDemand_InboundContactsOnLinkedCases_AreCountedPerIssuePerWeek()
    {
        var issue = await RegisterAsync(AppCrash("Seat choice crash, counted"));
        var first = await NewCaseAsync("Appen stänger sig", null);
        var second = await NewCaseAsync("Appen stänger sig igen", null);
        var unlinked = await NewCaseAsync("Appen stänger sig, olänkad", null);
        await using (var scope = host.Scope())
        {
            var karin = await scope.ActorAsync(Host);
            var link = scope.ServiceProvider.GetRequiredService<LinkCaseToKnownIssue>();
            await link.HandleAsync(karin, issue, first, Ct);
            await link.HandleAsync(karin, issue, second, Ct);
        }

        host.Time.Advance(TimeSpan.FromDays(7));
        await using (var scope = host.Scope())
        {
            var sara = await scope.ActorAsync(Agent);
            var record = scope.ServiceProvider.GetRequiredService<RecordContact>();
            await record.HandleAsync(first, new RecordContactRequest(Door.Phone, ContactDirection.Inbound, "Called again: still crashing", false, null), sara, Ct);
            // Our own call back is not demand the failure caused.
            await record.HandleAsync(first, new RecordContactRequest(Door.Phone, ContactDirection.Outbound, "Called him back", false, null), sara, Ct);
            await record.HandleAsync(unlinked, new RecordContactRequest(Door.Phone, ContactDirection.Inbound, "Called again", false, null), sara, Ct);
        }

        await using var reading = host.Scope();
        var weeks = (await reading.ServiceProvider.GetRequiredService<FailureDemand>().HandleAsync(null, null, Ct)).Where(w => w.IssueId == issue).ToList();

        Assert.Collection(weeks,
            week => Assert.Equal(2, week.Contacts),
            week =>
            {
                Assert.Equal(1, week.Contacts);
                Assert.Equal(weeks[0].Monday.AddDays(7), week.Monday);
            });
    }

    [Fact]
    public async Task MarkFixed_LinkedCases_EachGetAPromiseKeptByItsOwnerThatIsKeptWhenTheCustomerIsTold()
    {
        var issue = await RegisterAsync(AppCrash("Seat choice crash, fixed"));
        var number = await NewCaseAsync("Appen stänger sig", null);
        await using (var scope = host.Scope())
            await scope.ServiceProvider.GetRequiredService<LinkCaseToKnownIssue>().HandleAsync(await scope.ActorAsync(Host), issue, number, Ct);

        await using (var scope = host.Scope())
        {
            var promised = await scope.ServiceProvider.GetRequiredService<MarkKnownIssueFixed>().HandleAsync(await scope.ActorAsync(TeamLead), issue,
                new MarkKnownIssueFixedRequest("Vi berättar när felet är rättat.", null), Ct);
            Assert.Equal(1, promised);
        }

        await using (var scope = host.Scope())
        {
            var details = await scope.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(number, Ct);
            var promise = Assert.Single(details.Promises, p => p.What == "Vi berättar när felet är rättat.");
            Assert.Equal(CommitmentState.Open, promise.State);
            Assert.Equal(details.Owner.Id, promise.Keeper.Id);
            Assert.DoesNotContain(await scope.ServiceProvider.GetRequiredService<KnownIssueViews>().ListAsync(activeOnly: true, Ct), i => i.Id == issue);
            var otherAgent = await scope.ActorAsync("erik.sjo@moment.test");
            await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<TellCustomerItIsFixed>()
                .HandleAsync(otherAgent, issue, number, null, Ct));
        }

        await using (var scope = host.Scope())
            await scope.ServiceProvider.GetRequiredService<TellCustomerItIsFixed>().HandleAsync(await scope.ActorAsync(Host), issue, number, null, Ct);

        await using var check = host.Scope();
        var after = await check.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(number, Ct);
        Assert.Equal(CommitmentState.Kept, Assert.Single(after.Promises, p => p.What == "Vi berättar när felet är rättat.").State);
        Assert.Contains(after.Timeline, e => e.Kind == CaseEventKind.PublicReply && e.Text == AppCrash("").PublicWording);
        var linked = Assert.Single((await check.ServiceProvider.GetRequiredService<KnownIssueViews>().GetAsync(issue, Ct)).Cases);
        Assert.NotNull(linked.ToldFixedAt);
        var karin = await check.ActorAsync(Host);
        await Assert.ThrowsAsync<ConflictException>(() => check.ServiceProvider.GetRequiredService<TellCustomerItIsFixed>()
            .HandleAsync(karin, issue, number, null, Ct));
    }

    private async Task<Guid> RegisterAsync(KnownIssueText text)
    {
        await using var scope = host.Scope();
        return (await scope.ServiceProvider.GetRequiredService<RegisterKnownIssue>().HandleAsync(await scope.ActorAsync(TeamLead), text, Ct)).Id;
    }

    /// <summary>A case Karin, the train host, opens on board: she owns it.</summary>
    private async Task<string> NewCaseAsync(string subject, string? description)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = await db.Customers.Select(c => c.Id).FirstAsync(Ct);
        var karin = await scope.ActorAsync(Host);
        var registered = await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer, null, subject, description, null, Door.Onboard, null), karin.Id, Ct);
        return registered.Number;
    }
}

public sealed class KnownIssueTestsOnSqlite(SqliteHost host) : KnownIssueTests(host), IClassFixture<SqliteHost>;

public sealed class KnownIssueTestsOnPostgres(PostgresHost host) : KnownIssueTests(host), IClassFixture<PostgresHost>;
