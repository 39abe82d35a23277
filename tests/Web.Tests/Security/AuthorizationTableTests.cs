using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Data;
using Moment.Application.Demo;
using Moment.Application.Staff;
using Moment.TestSupport;

namespace Moment.Web.Tests.Security;

/// <summary>
/// docs/authorization.md is the table of who may do what; this walks it. Every endpoint of the OpenAPI document must be
/// in it, and every endpoint and page answers each role, on a case of their own team and of another team, as it says.
/// The walk's callers (one per role, all in Phone) own no case and keep no promise: Sara owns the Phone case, Lina the Chat one.
/// </summary>
public abstract class AuthorizationTableTests(MomentApp app) : IAsyncLifetime
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Roles = [.. StaffRoles.All];
    private static readonly string[] Columns = [.. Roles, Anonymous];
    private static readonly string Root = FindRoot();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Only the rows the walk calls; PostgreSQL walks the rows where the rules in Application decide.</summary>
    protected virtual bool Walks(Row row) => true;

    [Fact]
    public async Task OpenApi_EveryEndpoint_IsInTheTable()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var endpoints = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => operation.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToList();
        var table = Table("api").Select(row => $"{row.Method} {row.Route}").ToHashSet(StringComparer.Ordinal);

        var missing = endpoints.Where(endpoint => !table.Contains(endpoint)).ToList();
        var gone = table.Where(row => !endpoints.Contains(row)).ToList();

        Assert.True(missing.Count == 0, "Add to docs/authorization.md: " + string.Join(", ", missing));
        Assert.True(gone.Count == 0, "No longer in the API, take out of docs/authorization.md: " + string.Join(", ", gone));
    }

    [Fact]
    public async Task Api_EachRoleOnItsOwnAndAnotherTeamsCase_IsAnsweredAsTheTableSays()
    {
        var world = await WorldAsync();
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = app.CreateClient() };
        foreach (var role in Roles)
            clients[role] = await app.ClientForAsync(await StaffForAsync(role));

        var wrong = new List<string>();
        foreach (var row in Table("api").Where(Walks))
        {
            foreach (var (team, @case) in new[] { ("own", world.Own), ("other", world.Other) })
            {
                // The customer's side answers to the token alone: one call for every column.
                var columns = row.Expected.Values.All(e => e == "token") ? [Anonymous] : Columns;
                foreach (var column in columns)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(row.Method), Fill(row.Route, @case, world));
                    if (row.Method is "POST" or "PUT")
                        request.Content = JsonContent.Create(BodyFor(row.Route, @case, world));
                    using var response = await clients[column].SendAsync(request, Ct);
                    var status = (int)response.StatusCode;
                    if (!Agrees(row.Expected[column], team, status))
                        wrong.Add($"{row.Method} {row.Route} as {column} on the {team} team's case: {status}, the table says '{row.Expected[column]}'");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Pages_EachRole_AreShownAsTheTableSays()
    {
        var world = await WorldAsync();
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = app.BrowserClient(new CookieContainer()) };
        foreach (var role in Roles)
            clients[role] = await app.SignedInClientAsync(await StaffForAsync(role));

        var wrong = new List<string>();
        foreach (var row in Table("pages").Where(Walks))
        {
            foreach (var (team, @case) in new[] { ("own", world.Own), ("other", world.Other) })
            {
                foreach (var column in Columns)
                {
                    using var response = await clients[column].GetAsync(Fill(row.Route, @case, world), Ct);
                    var location = response.Headers.Location?.OriginalString ?? "";
                    var outcome = location.Contains("/account/login", StringComparison.Ordinal) ? "login"
                        : location.Contains("/account/access-denied", StringComparison.Ordinal) ? "denied"
                        : (int)response.StatusCode < 500 ? "yes" : $"{(int)response.StatusCode}";
                    var expected = row.Expected[column] == "token" ? "yes" : row.Expected[column];
                    if (outcome != expected)
                        wrong.Add($"{row.Route} as {column} on the {team} team's case: {outcome} ({(int)response.StatusCode} {location}), the table says '{expected}'");
                }
            }
        }

        Assert.Empty(wrong);
    }

    private static bool Agrees(string expected, string team, int status) => expected switch
    {
        "yes" or "token" => status is not (401 or 403) && status < 500,
        "own team" => team == "own" ? status is not (401 or 403) && status < 500 : status == 403,
        "owner" or "keeper" or "403" => status == 403,
        "401" => status == 401,
        _ => throw new InvalidOperationException($"docs/authorization.md has no outcome '{expected}'."),
    };

    /// <summary>A body the use case reads far enough to ask its rule: a refusal must come before any complaint about the body.</summary>
    private static object BodyFor(string route, Case @case, World world) => route switch
    {
        // No new owner: each case's rule answers first, then the body is refused, so the walk moves no case.
        "/api/cases/bulk" => new { action = "reassign", numbers = new[] { @case.Number }, reason = "Sara is away" },
        _ when route.EndsWith("/contacts", StringComparison.Ordinal) => new { door = "phone", summary = "Called about the invoice" },
        _ when route.EndsWith("/notes", StringComparison.Ordinal) => new { text = "We refund the second charge.", isPublic = true },
        _ when route.EndsWith("/handoffs", StringComparison.Ordinal) => new { toTeamId = world.ChatTeam, summary = "Charged twice", reason = "Billing" },
        _ when route.EndsWith("/resolution", StringComparison.Ordinal) => new { text = "Refunded." },
        _ when route.EndsWith("/reassign", StringComparison.Ordinal) => new { reason = "Sara is away" },
        _ when route.EndsWith("/links", StringComparison.Ordinal) => new { earlierNumber = world.Earlier },
        _ when route.EndsWith("/cases/{number}", StringComparison.Ordinal) => new { subject = "Charged twice in November", priority = "high", reason = "A business customer" },
        _ when route.EndsWith("/commitments", StringComparison.Ordinal) => new { kind = "callBack", withinBusinessDays = 2 },
        _ when route.EndsWith("/keep", StringComparison.Ordinal) => new { how = "Called her" },
        _ when route.EndsWith("/withdraw", StringComparison.Ordinal) || route.EndsWith("/decline", StringComparison.Ordinal) => new { reason = "Not needed" },
        _ => new { },
    };

    private static string Fill(string route, Case @case, World world) => route
        .Replace("{number}", @case.Number, StringComparison.Ordinal)
        .Replace("{token}", @case.Token, StringComparison.Ordinal)
        .Replace("{contactId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
        .Replace("{userId}", world.SomeUser.ToString(), StringComparison.Ordinal)
        .Replace("{id}", route switch
        {
            _ when route.StartsWith("/api/commitments", StringComparison.Ordinal) => @case.Promise.ToString(),
            _ when route.StartsWith("/api/customers", StringComparison.Ordinal) || route.StartsWith("/customers", StringComparison.Ordinal) => @case.Customer.ToString(),
            _ when route.StartsWith("/admin/users", StringComparison.Ordinal) => world.SomeUser.ToString(),
            _ when route.StartsWith("/admin/teams", StringComparison.Ordinal) => world.PhoneTeam.ToString(),
            _ when route.StartsWith("/api/attachments", StringComparison.Ordinal) || route.StartsWith("/api/notifications", StringComparison.Ordinal) => "1",
            _ => Guid.NewGuid().ToString(),
        }, StringComparison.Ordinal);

    private async Task<World> WorldAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var phone = await db.Teams.Where(t => t.Name == "Phone").Select(t => t.Id).FirstAsync(Ct);
        var chat = await db.Teams.Where(t => t.Name == "Chat").Select(t => t.Id).FirstAsync(Ct);
        var sara = await db.Users.Where(u => u.Email == "sara.holm@moment.test").Select(u => u.Id).FirstAsync(Ct);
        using var saraClient = await app.ClientForAsync("sara.holm@moment.test");
        using var linaClient = await app.ClientForAsync("lina.strom@moment.test");
        return new World(await CaseAsync(saraClient), await CaseAsync(linaClient), await saraClient.NewCaseAsync("An earlier invoice"), phone, chat, sara);
    }

    /// <summary>A case its registrar owns, with a promise they keep.</summary>
    private static async Task<Case> CaseAsync(HttpClient owner)
    {
        var number = await owner.NewCaseAsync("Charged twice");
        using var promised = await owner.PostAsJsonAsync($"/api/cases/{number}/commitments", new { kind = "callBack", withinBusinessDays = 2 }, Ct);
        Assert.Equal(HttpStatusCode.Created, promised.StatusCode);
        var promise = (await promised.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var customer = (await owner.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct)).GetProperty("customerId").GetGuid();
        return new Case(number, await owner.CustomerTokenAsync(number), promise, customer);
    }

    /// <summary>One member of staff per role, in Phone; made once per app, as an administrator would.</summary>
    private async Task<string> StaffForAsync(string role)
    {
        var email = $"walk.{role.ToLowerInvariant()}@moment.test";
        await using var scope = app.Services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<StaffCards>().FindByEmailAsync(email, Ct) is null)
        {
            var phone = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Teams.Where(t => t.Name == "Phone").Select(t => t.Id).FirstAsync(Ct);
            await scope.ServiceProvider.GetRequiredService<SaveStaffMember>().HandleAsync(
                new SaveStaffMemberRequest(null, "Walking " + role, email, [role], phone, true, DemoAccounts.Password), Ct);
        }

        return email;
    }

    private static IReadOnlyList<Row> Table(string name)
    {
        var text = File.ReadAllText(Path.Combine(Root, "docs", "authorization.md"));
        var start = text.IndexOf($"<!-- {name} -->", StringComparison.Ordinal);
        var end = text.IndexOf($"<!-- /{name} -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/authorization.md lost its {name} table.");
        var lines = text[start..end].Split('\n').Where(l => l.StartsWith('|')).Select(Cells).ToList();
        var header = lines[0];
        var first = name == "api" ? 2 : 1;
        Assert.Equal(Columns, header.Skip(first).Take(Columns.Length));
        return lines.Skip(2)
            .Select(cells => new Row(
                name == "api" ? cells[0] : "GET",
                cells[first - 1],
                Columns.Select((column, i) => (column, cells[first + i])).ToDictionary(c => c.column, c => c.Item2, StringComparer.Ordinal)))
            .ToList();
    }

    private static string[] Cells(string line) => [.. line.Trim().Trim('|').Split('|').Select(cell => cell.Trim())];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Moment.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Moment.slnx not found above " + AppContext.BaseDirectory);
    }

    public sealed record Row(string Method, string Route, IReadOnlyDictionary<string, string> Expected)
    {
        /// <summary>Where the rules in Application decide, not only the web's policies: who owns, leads or keeps.</summary>
        public bool DependsOnTheCase => Expected.Values.Any(e => e is "own team" or "owner" or "keeper");
    }

    private sealed record Case(string Number, string Token, Guid Promise, Guid Customer);

    private sealed record World(Case Own, Case Other, string Earlier, Guid PhoneTeam, Guid ChatTeam, Guid SomeUser);
}

public sealed class AuthorizationTableTestsOnSqlite(SqliteApp app) : AuthorizationTableTests(app), IClassFixture<SqliteApp>;

public sealed class AuthorizationTableTestsOnPostgres(PostgresApp app) : AuthorizationTableTests(app), IClassFixture<PostgresApp>
{
    protected override bool Walks(Row row) => row.DependsOnTheCase || row.Route.StartsWith("/cases/", StringComparison.Ordinal);
}
