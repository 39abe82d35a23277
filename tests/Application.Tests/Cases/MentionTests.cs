using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Feed;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.TestSupport;

namespace Moment.Application.Tests.Cases;

/// <summary>@mentions in internal notes on a real database of each provider: found by handle, told, and nobody's work moves.</summary>
public abstract class MentionTests(ApplicationHost host) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";
    private const string Erik = "erik.sjo@moment.test";
    private const string Lina = "lina.strom@moment.test";

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddNote_MentioningAColleague_TellsThemAndTheOwnerStays()
    {
        var number = await RegisterAsync(Sara);

        await using (var scope = host.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<AddCaseNote>().HandleAsync(
                number, new AddCaseNoteRequest("@Erik.Sjo kan du titta på routern? Och @sara.holm, jag själv.", false, null), await scope.ActorAsync(Lina), Ct);
        }

        await using var check = host.Scope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var erik = await check.ActorAsync(Erik);
        var sara = await check.ActorAsync(Sara);
        var lina = await check.ActorAsync(Lina);
        var @case = await db.Cases.Where(c => c.Number == number).Select(c => new { c.Id, c.OwnerId }).SingleAsync(Ct);
        Assert.Equal(sara.Id, @case.OwnerId);
        var mentions = await db.CaseEvents.Where(e => e.CaseId == @case.Id && e.Kind == CaseEventKind.Mentioned).Select(e => e.SubjectUserId).ToListAsync(Ct);
        Assert.Equal(new Guid?[] { erik.Id, sara.Id }.Order(), mentions.Order());
        var timeline = (await check.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(number, Ct)).Timeline;
        Assert.Contains(timeline, e => e.Kind == CaseEventKind.Mentioned && e.About == "Erik Sjö" && e.Actor == "Lina Ström");

        FeedEvent Mentioned(Guid who) =>
            new(FeedPosition.Start, @case.Id, number, @case.OwnerId, CaseEventKind.Mentioned, host.Time.GetUtcNow(), lina.Id, who, null, null, null, null, false);
        var news = await check.ServiceProvider.GetRequiredService<WhoIsTold>().ForAsync([Mentioned(erik.Id), Mentioned(sara.Id)], Ct);
        Assert.Equal(new[] { erik.Id, sara.Id }.Order(), Assert.Single(news).People.Order());
        Assert.Empty(await check.ServiceProvider.GetRequiredService<WhoIsTold>().ForAsync([Mentioned(lina.Id)], Ct));
    }

    [Fact]
    public async Task AddNote_MentioningNobodyKnown_IsRefusedAtTheTextAndNothingIsWritten()
    {
        var number = await RegisterAsync(Sara);
        await using var scope = host.Scope();
        var add = scope.ServiceProvider.GetRequiredService<AddCaseNote>();
        var lina = await scope.ActorAsync(Lina);

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() =>
            add.HandleAsync(number, new AddCaseNoteRequest("@erik.sjo och @erik.sjö, vem av er?", false, null), lina, Ct));

        Assert.Equal(("Text", "erik.sjö"), (refusal.Field, refusal.MessageArguments[0]));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.CaseEvents.AnyAsync(e => db.Cases.Any(c => c.Id == e.CaseId && c.Number == number) && e.Kind == CaseEventKind.InternalNote, Ct));
        // An @ inside a word (an email address) mentions nobody.
        await add.HandleAsync(number, new AddCaseNoteRequest("Kunden mejlar från margit@example.se", false, null), lina, Ct);
    }

    private async Task<string> RegisterAsync(string email)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = await db.Customers.Select(c => c.Id).FirstAsync(Ct);
        var actor = await scope.ActorAsync(email);
        return (await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer, null, "Routern startar om", null, null, Door.Phone, null), actor.Id, Ct)).Number;
    }
}

public sealed class MentionTestsOnSqlite(SqliteHost host) : MentionTests(host), IClassFixture<SqliteHost>;

public sealed class MentionTestsOnPostgres(PostgresHost host) : MentionTests(host), IClassFixture<PostgresHost>;
