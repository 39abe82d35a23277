using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Data;
using Moment.TestSupport;

namespace Moment.Web.Tests.Shell;

/// <summary>
/// Every page, on every provider, asked for again and again by the role that uses it. A page whose parts share the
/// request's DbContext at the same time fails on PostgreSQL only now and then ("a second operation was started on this
/// context instance"); SQLite hides it. So: many sequential requests, each of which must answer 200.
/// </summary>
public abstract class PageTests(MomentApp app) : IAsyncLifetime
{
    private const string Erik = "erik.sjo@moment.test";     // Agent, Phone
    private const string Nora = "nora.vik@moment.test";     // Team lead, Chat
    private const string Maria = "maria.berg@moment.test";  // Manager
    private const string Astrid = "astrid.lind@moment.test"; // Administrator

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        app.RequireProvider();
        // Erik keeps a promise due today, so that the desk lists today's promises beside his cases and offers.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var erik = await db.Users.Where(u => u.Email == Erik).Select(u => u.Id).SingleAsync(Ct);
        if (!await db.Commitments.AnyAsync(c => c.KeeperId == erik, Ct))
            await Promises.CallBackAsync(app.Services, Erik, TimeSpan.FromHours(2), Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Desk_RequestedManyTimesInARow_AnswersEveryTime()
    {
        using var erik = await app.ClientForAsync(Erik);
        using var nora = await app.ClientForAsync(Nora);

        var failures = new List<string>();
        for (var request = 0; request < 40; request++)
        {
            foreach (var (who, client) in new[] { (Erik, erik), (Nora, nora) })
            {
                using var response = await client.GetAsync("/desk", Ct);
                if (response.StatusCode != HttpStatusCode.OK)
                    failures.Add($"{who}, request {request + 1}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
        var html = await erik.GetStringAsync("/desk", Ct);
        Assert.Contains("id=\"todays-promises\"", html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Pages() => new()
    {
        { Erik, "/desk?q=andersson" },
        { Erik, "/cases/new" },
        { Erik, "/cases/{case}" },
        { Erik, "/profile" },
        { Erik, "/away" },
        { Maria, "/manager-requests" },
        { Maria, "/staffing" },
        { Maria, "/staffing/decisions" },
        { Astrid, "/admin/users" },
        { Astrid, "/admin/users/new" },
        { Astrid, "/admin/users/{user}" },
        { Astrid, "/admin/teams" },
        { Astrid, "/admin/teams/new" },
        { Astrid, "/admin/teams/{team}" },
        { "", "/" },
        { "", "/account/login" },
        { "", "/c/{token}" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_RequestedManyTimesInARow_AnswersEveryTime(string who, string path)
    {
        using var client = who.Length == 0 ? app.CreateClient() : await app.ClientForAsync(who);
        var url = await ResolveAsync(path);

        var failures = new List<string>();
        for (var request = 0; request < 15; request++)
        {
            using var response = await client.GetAsync(url, Ct);
            if (response.StatusCode != HttpStatusCode.OK)
                failures.Add($"request {request + 1}: {(int)response.StatusCode}");
        }

        Assert.Empty(failures);
    }

    /// <summary>Fills in a demo case, its customer link, a member of staff and a team.</summary>
    private async Task<string> ResolveAsync(string path)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var @case = await db.Cases.OrderBy(c => c.Number).Select(c => new { c.Number, c.CustomerToken }).FirstAsync(Ct);
        if (path.Contains("{user}", StringComparison.Ordinal))
            path = path.Replace("{user}", (await db.Users.SingleAsync(u => u.Email == Erik, Ct)).Id.ToString(), StringComparison.Ordinal);
        if (path.Contains("{team}", StringComparison.Ordinal))
            path = path.Replace("{team}", (await db.Teams.OrderBy(t => t.Name).FirstAsync(Ct)).Id.ToString(), StringComparison.Ordinal);
        return path.Replace("{case}", @case.Number, StringComparison.Ordinal).Replace("{token}", @case.CustomerToken, StringComparison.Ordinal);
    }
}

public sealed class PageTestsOnSqlite(SqliteApp app) : PageTests(app), IClassFixture<SqliteApp>;

public sealed class PageTestsOnPostgres(PostgresApp app) : PageTests(app), IClassFixture<PostgresApp>;
