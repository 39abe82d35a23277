using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Feed;
using Moment.Application.Staff;
using Moment.Domain.Cases;
using Moment.TestSupport;

namespace Moment.Application.Tests.Cases;

/// <summary>
/// An offer waits for the receiver's opening hours, and the offerer hears when it comes back: declined, or lapsed
/// unanswered. On a real database of each provider, with the clock in the test's hand and the announcements recorded.
/// </summary>
public abstract class OfferAnswerTests(AnnouncingHost host) : IAsyncLifetime
{
    private const string Karin = "karin.nord@moment.test";   // Frontline, Onboard
    private const string Sara = "sara.holm@moment.test";     // Agent, Phone (Stockholm, weekdays 08:00–17:00)

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task OfferMadeInTheEvening_DoesNotLapseAtNight_AndTheOffererIsToldWhenItLapsesInTheMorning()
    {
        var evening = NextWeekdayEvening();
        host.Time.SetUtcNow(evening);
        var number = await RegisterAsync(Karin);
        var karin = await IdOfAsync(Karin);
        await OfferAsync(number, Karin, Sara);
        var morning = Local(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(evening, Stockholm).DateTime).AddDays(1), new TimeOnly(8, 30));
        Assert.Equal(morning, (await CaseAsync(number)).PendingHandOff!.ExpiresAt);

        host.Time.SetUtcNow(morning.AddHours(-5).AddMinutes(-10));
        await SweepAsync();
        Assert.NotNull((await CaseAsync(number)).PendingHandOff);
        Assert.DoesNotContain(await host.ToldAsync(karin), news => news.CaseNumber == number && news.Kind == CaseEventKind.HandOffExpired);

        host.Time.SetUtcNow(morning);
        await SweepAsync();
        var @case = await CaseAsync(number);
        Assert.Null(@case.PendingHandOff);
        Assert.Contains(@case.Timeline, e => e.Kind == CaseEventKind.HandOffExpired);
        Assert.Contains(await host.ToldAsync(karin), news => news.CaseNumber == number && news.Kind == CaseEventKind.HandOffExpired);
        var returned = Assert.Single(await ReturnedAsync(karin), o => o.Number == number);
        Assert.Null(returned.DeclinedBy);
    }

    [Fact]
    public async Task OfferDeclined_TheOffererIsToldAndSeesItCameBackUntilTheyOfferAgain()
    {
        var number = await RegisterAsync(Karin);
        var karin = await IdOfAsync(Karin);
        var offer = await OfferAsync(number, Karin, Sara);

        await using (var scope = host.Scope())
            await scope.ServiceProvider.GetRequiredService<AnswerHandOff>().DeclineAsync(offer, "Billing is not Phone's", await ActorOfAsync(Sara), Ct);

        Assert.Contains(await host.ToldAsync(karin), news => news.CaseNumber == number && news.Kind == CaseEventKind.HandOffDeclined);
        var returned = Assert.Single(await ReturnedAsync(karin), o => o.Number == number);
        Assert.Equal(("Sara Holm", "Billing is not Phone's"), (returned.DeclinedBy, returned.Reason));
        await OfferAsync(number, Karin, "erik.sjo@moment.test");
        Assert.DoesNotContain(await ReturnedAsync(karin), o => o.Number == number);
    }

    [Fact]
    public async Task ANoteBySomeoneElse_TellsTheOwner_AndTheOwnersOwnNoteTellsNobody()
    {
        var number = await RegisterAsync(Karin);
        var karin = await IdOfAsync(Karin);
        var sara = await IdOfAsync(Sara);

        await using (var scope = host.Scope())
        {
            var add = scope.ServiceProvider.GetRequiredService<AddCaseNote>();
            await add.HandleAsync(number, new AddCaseNoteRequest("The customer called the shop too.", false, null), await ActorOfAsync(Sara), Ct);
            await add.HandleAsync(number, new AddCaseNoteRequest("Noted.", false, null), await ActorOfAsync(Karin), Ct);
        }

        // Every door opens every case, and the owner hears what was said there; nobody hears of their own note.
        Assert.Single(await host.ToldAsync(karin), news => news.CaseNumber == number && news.Kind == CaseEventKind.InternalNote);
        Assert.DoesNotContain(await host.ToldAsync(sara), news => news.CaseNumber == number && news.Kind == CaseEventKind.InternalNote);
    }

    /// <summary>19:50 in Stockholm on the next Monday to Thursday still ahead of the clock, so that the next morning is a business day.</summary>
    private DateTimeOffset NextWeekdayEvening()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(host.Time.GetUtcNow(), Stockholm).DateTime);
        for (var day = today; ; day = day.AddDays(1))
        {
            var evening = Local(day, new TimeOnly(19, 50));
            if (day.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday && evening > host.Time.GetUtcNow()
                && Domain.Calendar.BusinessCalendar.Swedish.IsBusinessDay(day.AddDays(1)))
                return evening;
        }
    }

    private static DateTimeOffset Local(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Stockholm.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task SweepAsync()
    {
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<CaseDeadlines>().HandleAsync(Ct);
    }

    private async Task<CaseDetails> CaseAsync(string number)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(number, Ct);
    }

    private async Task<IReadOnlyList<OfferReturned>> ReturnedAsync(Guid offerer)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<ListOffers>().ReturnedAsync(offerer, Ct);
    }

    private async Task<Guid> OfferAsync(string number, string from, string to)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<OfferHandOff>().HandleAsync(number,
            new OfferHandOffRequest(null, to, null, "Charged twice in October", "Billing", null), await ActorOfAsync(from), Ct);
    }

    private async Task<string> RegisterAsync(string registrar)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = await db.Customers.Where(c => c.Name == "Nordbygg AB").Select(c => c.Id).FirstAsync(Ct);
        var registered = await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer, null, "Invoice charged twice", null, null, Door.Onboard, null), await IdOfAsync(registrar), Ct);
        return registered.Number;
    }

    private async Task<Actor> ActorOfAsync(string email)
    {
        await using var scope = host.Scope();
        return await scope.ActorAsync(email);
    }

    private async Task<Guid> IdOfAsync(string email)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync(Ct);
    }
}

/// <summary>The application host, with what people are told read from the feed as the live subscriber reads it.</summary>
public class AnnouncingHost(DatabaseProvider provider) : ApplicationHost(provider)
{
    /// <summary>What the person has been told, in order.</summary>
    public async Task<IReadOnlyList<News>> ToldAsync(Guid person)
    {
        await using var scope = Scope();
        var batch = await FeedReading.AllAsync(scope.ServiceProvider, TestContext.Current.CancellationToken);
        var news = await scope.ServiceProvider.GetRequiredService<WhoIsTold>().ForAsync(batch, TestContext.Current.CancellationToken);
        return [.. news.Where(item => item.People.Contains(person))];
    }
}

public sealed class AnnouncingSqliteHost() : AnnouncingHost(DatabaseProvider.Sqlite);

public sealed class AnnouncingPostgresHost() : AnnouncingHost(DatabaseProvider.Postgres);

public sealed class OfferAnswerTestsOnSqlite(AnnouncingSqliteHost host) : OfferAnswerTests(host), IClassFixture<AnnouncingSqliteHost>;

public sealed class OfferAnswerTestsOnPostgres(AnnouncingPostgresHost host) : OfferAnswerTests(host), IClassFixture<AnnouncingPostgresHost>;
