using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Feed;
using Moment.Application.Notifications;
using Moment.Domain.Cases;
using Moment.TestSupport;

namespace Moment.Application.Tests.Notifications;

/// <summary>Notification lists on a real database of each provider: written from who is told, once per entry, read by their person only.</summary>
public abstract class NotificationTests(ApplicationHost host) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";
    private const string Erik = "erik.sjo@moment.test";

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordNotifications_TheSameNewsTwice_IsOneUnreadNotificationMarkedReadByItsPersonOnly()
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sara = await scope.ActorAsync(Sara);
        var erik = await scope.ActorAsync(Erik);
        var customer = await db.Customers.Select(c => c.Id).FirstAsync(Ct);
        var number = (await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer, null, "Fakturan är fel", null, null, Door.Phone, null), sara.Id, Ct)).Number;
        await scope.ServiceProvider.GetRequiredService<AddCaseNote>().HandleAsync(number, new AddCaseNoteRequest("@erik.sjo vet du?", false, null), sara, Ct);
        var mention = await db.CaseEvents.Where(e => e.Kind == CaseEventKind.Mentioned && db.Cases.Any(c => c.Id == e.CaseId && c.Number == number)).SingleAsync(Ct);
        var news = new News(number, CaseEventKind.Mentioned, [erik.Id], mention.CaseId, mention.Id, mention.At);
        var record = scope.ServiceProvider.GetRequiredService<RecordNotifications>();
        var views = scope.ServiceProvider.GetRequiredService<NotificationViews>();
        var unreadBefore = await views.UnreadCountAsync(erik.Id, Ct);

        await record.HandleAsync([news], Ct);
        await record.HandleAsync([news], Ct);

        var listed = Assert.Single(await views.ListAsync(erik.Id, unreadOnly: false, cancellationToken: Ct), n => n.CaseNumber == number);
        Assert.Equal((CaseEventKind.Mentioned, "Fakturan är fel", false), (listed.Kind, listed.Subject, listed.IsRead));
        Assert.Equal(unreadBefore + 1, await views.UnreadCountAsync(erik.Id, Ct));
        var mark = scope.ServiceProvider.GetRequiredService<MarkNotificationsRead>();
        await Assert.ThrowsAsync<NotFoundException>(() => mark.HandleAsync(sara.Id, listed.Id, Ct));
        Assert.Equal(1, await mark.HandleAsync(erik.Id, listed.Id, Ct));
        Assert.Equal(0, await mark.HandleAsync(erik.Id, listed.Id, Ct));
        Assert.True(Assert.Single(await views.ListAsync(erik.Id, unreadOnly: false, cancellationToken: Ct), n => n.CaseNumber == number).IsRead);
        Assert.DoesNotContain(await views.ListAsync(erik.Id, unreadOnly: true, cancellationToken: Ct), n => n.CaseNumber == number);
    }

    [Fact]
    public async Task CasesWithNews_AreThoseWithUnreadNews_UntilTheirPersonOpensTheCase()
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sara = await scope.ActorAsync(Sara);
        var erik = await scope.ActorAsync(Erik);
        var customer = await db.Customers.Select(c => c.Id).FirstAsync(Ct);
        var register = scope.ServiceProvider.GetRequiredService<RegisterCase>();
        var told = (await register.HandleAsync(new RegisterCaseRequest(customer, null, "Routern blinkar", null, null, Door.Phone, null), sara.Id, Ct)).Number;
        var quiet = (await register.HandleAsync(new RegisterCaseRequest(customer, null, "Ingen nämns", null, null, Door.Phone, null), sara.Id, Ct)).Number;
        await scope.ServiceProvider.GetRequiredService<AddCaseNote>().HandleAsync(told, new AddCaseNoteRequest("@erik.sjo har du sett detta?", false, null), sara, Ct);
        var mention = await db.CaseEvents.Where(e => e.Kind == CaseEventKind.Mentioned && db.Cases.Any(c => c.Id == e.CaseId && c.Number == told)).SingleAsync(Ct);
        await scope.ServiceProvider.GetRequiredService<RecordNotifications>().HandleAsync([new News(told, CaseEventKind.Mentioned, [erik.Id], mention.CaseId, mention.Id, mention.At)], Ct);
        var views = scope.ServiceProvider.GetRequiredService<NotificationViews>();
        var mark = scope.ServiceProvider.GetRequiredService<MarkNotificationsRead>();

        var withNews = await views.CasesWithNewsAsync(erik.Id, Ct);
        Assert.Contains(told, withNews);
        Assert.DoesNotContain(quiet, withNews);
        Assert.DoesNotContain(told, await views.CasesWithNewsAsync(sara.Id, Ct));

        Assert.Equal(0, await mark.OnCaseAsync(sara.Id, mention.CaseId, Ct));
        Assert.Contains(told, await views.CasesWithNewsAsync(erik.Id, Ct));
        Assert.Equal(1, await mark.OnCaseAsync(erik.Id, mention.CaseId, Ct));
        Assert.DoesNotContain(told, await views.CasesWithNewsAsync(erik.Id, Ct));
        Assert.True(Assert.Single(await views.ListAsync(erik.Id, unreadOnly: false, cancellationToken: Ct), n => n.CaseNumber == told).IsRead);
    }

    [Fact]
    public async Task MoreThanAPage_TheNextPageIsTheOlderOnes_NoneTwiceNoneLeftOut()
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sara = await scope.ActorAsync(Sara);
        var customer = await db.Customers.Select(c => c.Id).FirstAsync(Ct);
        var registered = await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer, null, "Många nyheter", null, null, Door.Phone, null), sara.Id, Ct);
        var created = await db.CaseEvents.Where(e => db.Cases.Any(c => c.Id == e.CaseId && c.Number == registered.Number)).OrderBy(e => e.Id).FirstAsync(Ct);
        // A person of their own, so that nobody else's news is on their pages: the test's 130, each its own news.
        var reader = await scope.ServiceProvider.GetRequiredService<Moment.Application.Staff.SaveStaffMember>().HandleAsync(
            new Moment.Application.Staff.SaveStaffMemberRequest(null, "Sidor Läsare", $"pages-{Guid.NewGuid():N}@moment.test", ["Agent"], null, true, "Moment-demo-2026"), Ct);
        var count = NotificationViews.PageSize + 30;
        await scope.ServiceProvider.GetRequiredService<RecordNotifications>().HandleAsync(
            [.. Enumerable.Range(0, count).Select(i => new News(registered.Number, CaseEventKind.InternalNote, [reader], created.CaseId, created.Id + 1_000_000 + i, created.At))], Ct);
        var views = scope.ServiceProvider.GetRequiredService<NotificationViews>();

        var first = await views.ListAsync(reader, cancellationToken: Ct);
        var second = await views.ListAsync(reader, before: first[^1].Id, cancellationToken: Ct);

        Assert.Equal(NotificationViews.PageSize, first.Count);
        Assert.Equal(30, second.Count);
        Assert.True(first.Zip(first.Skip(1)).All(pair => pair.First.Id > pair.Second.Id));
        Assert.True(second[0].Id < first[^1].Id);
        Assert.Equal(count, first.Concat(second).Select(n => n.Id).Distinct().Count());
    }
}

public sealed class NotificationTestsOnSqlite(SqliteHost host) : NotificationTests(host), IClassFixture<SqliteHost>;

public sealed class NotificationTestsOnPostgres(PostgresHost host) : NotificationTests(host), IClassFixture<PostgresHost>;
