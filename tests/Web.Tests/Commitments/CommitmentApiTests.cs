using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Staff;
using Moment.Domain.Calendar;
using Moment.TestSupport;

namespace Moment.Web.Tests.Commitments;

/// <summary>Promises, manager requests and consent through the API on every provider (principles 6 and 8, stories 2 and 5).</summary>
public abstract class CommitmentApiTests(MomentApp app) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";          // Agent, Phone; responsible manager Maria Berg
    private const string Erik = "erik.sjo@moment.test";           // Agent, Phone
    private const string Johan = "johan.ek@moment.test";          // TeamLead, Phone
    private const string Maria = "maria.berg@moment.test";        // Manager

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task MakeCommitment_WithinTwoBusinessDays_ReturnsTheKeepersNameAndTheDeadlineOnStockholmsClock()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Landline breaks again");

        using var response = await sara.PostAsJsonAsync($"/api/cases/{number}/commitments",
            new { kind = "getBackWithInformation", what = "I will find out why the line drops and call you.", withinBusinessDays = 2, channel = "phone" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var promise = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal($"/api/commitments/{promise.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        Assert.Equal("Sara Holm", promise.GetProperty("keeper").GetProperty("name").GetString());
        Assert.Equal(number, promise.GetProperty("caseNumber").GetString());
        Assert.Equal("open", promise.GetProperty("state").GetString());
        var deadline = promise.GetProperty("deadline").GetString()!;
        Assert.EndsWith("+01:00", deadline, StringComparison.Ordinal);
        Assert.Equal(BusinessCalendar.Swedish.AddBusinessDays(app.Time.GetUtcNow(), 2), DateTimeOffset.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture));
        var @case = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Equal("Sara Holm", Assert.Single(@case.GetProperty("promises").EnumerateArray()).GetProperty("keeper").GetProperty("name").GetString());
    }

    [Fact]
    public async Task MakeCommitment_TomorrowBefore1500_IsDueAt1500LocalOnTheNextBusinessDay()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Landline breaks again");

        var promise = await MakeAsync(sara, number, new { kind = "callBack", nextBusinessDayAt = "15:00" });

        var deadline = DateTimeOffset.Parse(promise.GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new TimeSpan(15, 0, 0), deadline.TimeOfDay);
        Assert.True(deadline > app.Time.GetUtcNow() && deadline - app.Time.GetUtcNow() < TimeSpan.FromDays(5));
    }

    [Fact]
    public async Task MakeCommitment_WithBadInput_Returns400NamingTheFieldAndWritesNothing()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Landline breaks again");
        var inactive = await InactiveColleagueAsync();
        var past = app.Time.GetUtcNow().AddHours(-1);

        var cases = new (object Body, string Field)[]
        {
            (new { kind = "callBack", deadline = past }, "Deadline"),
            (new { kind = "callBack", withinBusinessDays = 1, withinBusinessHours = 2.0 }, "Deadline"),
            (new { kind = "callBack" }, "Deadline"),
            (new { kind = "callBack", withinBusinessDays = 1, keeperEmail = inactive }, "Keeper"),
            (new { kind = "callBack", withinBusinessDays = 1, keeperEmail = "nobody@moment.test" }, "Keeper"),
            (new { withinBusinessDays = 1 }, "Kind"),
            (new { kind = "other", withinBusinessDays = 1 }, "What"),
            (new { kind = "callBack", withinBusinessDays = 999 }, "WithinBusinessDays"),
        };
        foreach (var (body, field) in cases)
        {
            using var response = await sara.PostAsJsonAsync($"/api/cases/{number}/commitments", body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for {field} in {problem}");
        }

        var @case = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Empty(@case.GetProperty("promises").EnumerateArray());
        Assert.DoesNotContain(@case.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "commitmentMade");
    }

    [Fact]
    public async Task KeepCommitment_SomeoneElses_IsForbiddenForAnAgentButATeamLeadMayKeepIt()
    {
        using var sara = await app.ClientForAsync(Sara);
        using var erik = await app.ClientForAsync(Erik);
        using var johan = await app.ClientForAsync(Johan);
        var number = await sara.NewCaseAsync("Landline breaks again");
        var id = (await MakeAsync(sara, number, new { kind = "callBack", withinBusinessHours = 4.0 })).GetProperty("id").GetGuid();

        using var byErik = await erik.PostAsJsonAsync($"/api/commitments/{id}/keep", new { how = "Called her" }, Ct);
        using var byJohan = await johan.PostAsJsonAsync($"/api/commitments/{id}/keep", new { how = "Called her myself: Sara is ill" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byErik.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byJohan.StatusCode);
        var kept = await byJohan.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("kept", kept.GetProperty("state").GetString());
        Assert.Equal("Johan Ek", kept.GetProperty("keptBy").GetString());
        Assert.False(kept.GetProperty("keptLate").GetBoolean());
        using var again = await sara.PostAsJsonAsync($"/api/commitments/{id}/keep", new { how = "Called" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task WithdrawCommitment_NeedsAReasonWhichTheCustomerIsTold()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Landline breaks again");
        var id = (await MakeAsync(sara, number, new { kind = "sendSomething", what = "A new router by post", withinBusinessDays = 3 })).GetProperty("id").GetGuid();

        using var noReason = await sara.PostAsJsonAsync($"/api/commitments/{id}/withdraw", new { reason = " " }, Ct);
        using var withReason = await sara.PostAsJsonAsync($"/api/commitments/{id}/withdraw", new { reason = "The line card was faulty, not the router; no router is needed." }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("Reason", out _));
        Assert.Equal(HttpStatusCode.OK, withReason.StatusCode);
        Assert.Equal("withdrawn", (await withReason.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("state").GetString());
        using var anonymous = app.CreateClient();
        var customer = await anonymous.GetFromJsonAsync<JsonElement>($"/api/public/cases/{await sara.CustomerTokenAsync(number)}", Ct);
        Assert.Contains(customer.GetProperty("updates").EnumerateArray(),
            e => e.GetProperty("kind").GetString() == "commitmentWithdrawn" && e.GetProperty("text").GetString()!.Contains("no router is needed", StringComparison.Ordinal));
        Assert.Empty(customer.GetProperty("promises").EnumerateArray());
    }

    [Fact]
    public async Task ListCommitments_ByKeeperStateAndDueBefore_OrderedByDeadline()
    {
        using var erik = await app.ClientForAsync(Erik);
        using var sara = await app.ClientForAsync(Sara);
        var number = await erik.NewCaseAsync("Landline breaks again");
        await MakeAsync(erik, number, new { kind = "getBackWithInformation", withinBusinessDays = 3 });
        await MakeAsync(erik, number, new { kind = "callBack", withinBusinessHours = 2.0 });
        // Sara promises it herself: an agent gives no promise to a colleague (only the colleague's team lead or a manager does).
        await MakeAsync(sara, number, new { kind = "sendSomething", what = "Sara sends the form", withinBusinessDays = 1 });

        var mine = await erik.GetFromJsonAsync<JsonElement>("/api/commitments?keeper=me&state=open", Ct);
        var deadlines = mine.EnumerateArray().Select(p => DateTimeOffset.Parse(p.GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(deadlines.Order(), deadlines);
        Assert.All(mine.EnumerateArray(), p => Assert.Equal("Erik Sjö", p.GetProperty("keeper").GetProperty("name").GetString()));
        Assert.Contains(mine.EnumerateArray(), p => p.GetProperty("caseNumber").GetString() == number && p.GetProperty("kind").GetString() == "callBack");
        var soon = await erik.GetFromJsonAsync<JsonElement>(
            "/api/commitments?keeper=me&dueBefore=" + Uri.EscapeDataString(app.Time.GetUtcNow().AddHours(4).ToOffset(TimeSpan.FromHours(1)).ToString("O")), Ct);
        Assert.Equal("callBack", Assert.Single(soon.EnumerateArray(), p => p.GetProperty("caseNumber").GetString() == number).GetProperty("kind").GetString());
        var saras = await erik.GetFromJsonAsync<JsonElement>($"/api/commitments?keeper={Sara}", Ct);
        Assert.Contains(saras.EnumerateArray(), p => p.GetProperty("what").GetString() == "Sara sends the form");
        using var badState = await erik.GetAsync("/api/commitments?state=forgotten", Ct);
        using var badDate = await erik.GetAsync("/api/commitments?dueBefore=tomorrow", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
    }

    [Fact]
    public async Task Story2_CustomerAsksForTheManager_IsToldTheNameAndDeadlineAndAskingAgainMakesNoDuplicate()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Landline breaks again");
        var token = await sara.CustomerTokenAsync(number);
        using var customer = app.CreateClient();

        using var first = await customer.PostAsync($"/api/public/cases/{token}/manager-request", null, Ct);
        using var second = await customer.PostAsync($"/api/public/cases/{token}/manager-request", null, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var told = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Maria Berg", told.GetProperty("managerName").GetString());
        Assert.True(told.GetProperty("isNew").GetBoolean());
        var deadline = told.GetProperty("deadline").GetString()!;
        Assert.EndsWith("+01:00", deadline, StringComparison.Ordinal);
        Assert.Equal(BusinessCalendar.Swedish.AddBusinessDays(app.Time.GetUtcNow(), 1), DateTimeOffset.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture));
        var again = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(again.GetProperty("isNew").GetBoolean());
        Assert.Equal(deadline, again.GetProperty("deadline").GetString());
        var @case = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Single(@case.GetProperty("promises").EnumerateArray(), p => p.GetProperty("kind").GetString() == "managerContact");
        Assert.Single(@case.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "managerRequested");
        var page = await customer.GetFromJsonAsync<JsonElement>($"/api/public/cases/{token}", Ct);
        Assert.Equal("Maria Berg", Assert.Single(page.GetProperty("promises").EnumerateArray()).GetProperty("keeperName").GetString());

        using var maria = await app.ClientForAsync(Maria);
        var inbox = await maria.GetFromJsonAsync<JsonElement>("/api/commitments/manager-inbox", Ct);
        var request = Assert.Single(inbox.EnumerateArray(), r => r.GetProperty("caseNumber").GetString() == number);
        Assert.Equal("Margit Andersson", request.GetProperty("customerName").GetString());
    }

    [Fact]
    public async Task ManagerRequest_RecordedByTheAgent_IsCreatedAndAnsweredByTheManagersRecordedContact()
    {
        using var sara = await app.ClientForAsync(Sara);
        using var maria = await app.ClientForAsync(Maria);
        var number = await sara.NewCaseAsync("Landline breaks again");

        using var created = await sara.PostAsJsonAsync($"/api/cases/{number}/manager-requests", new { what = "Margit's son wants the manager to call him." }, Ct);
        using var repeated = await sara.PostAsJsonAsync($"/api/cases/{number}/manager-requests", new { }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        var request = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Maria Berg", request.GetProperty("managerName").GetString());
        var id = request.GetProperty("request").GetProperty("id").GetGuid();
        using var otherKeeps = await sara.PostAsJsonAsync($"/api/cases/{number}/contacts",
            new { door = "phone", direction = "outbound", summary = "Called the son", keeps = id }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, otherKeeps.StatusCode);

        using var contact = await maria.PostAsJsonAsync($"/api/cases/{number}/contacts",
            new { door = "phone", direction = "outbound", summary = "Called the son; the line is repaired on Thursday.", keeps = id }, Ct);

        Assert.Equal(HttpStatusCode.OK, contact.StatusCode);
        var promise = Assert.Single((await contact.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("promises").EnumerateArray());
        Assert.Equal("kept", promise.GetProperty("state").GetString());
        Assert.Equal("Called the son; the line is repaired on Thursday.", promise.GetProperty("keptHow").GetString());
        var timeline = (await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct)).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Single(timeline, k => k == "commitmentKept");
        Assert.Equal(2, timeline.Count(k => k == "contact"));
    }

    [Fact]
    public async Task Story5_CustomerGivesConsent_BecomesAPromiseOfTheOwnerWithinTwoBusinessDays()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Landline breaks again");
        using var customer = app.CreateClient();

        using var response = await customer.PostAsync($"/api/public/cases/{await sara.CustomerTokenAsync(number)}/consent", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var told = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Sara", told.GetProperty("keeperFirstName").GetString());
        Assert.Equal(BusinessCalendar.Swedish.AddBusinessDays(app.Time.GetUtcNow(), 2),
            DateTimeOffset.Parse(told.GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var saras = await sara.GetFromJsonAsync<JsonElement>("/api/commitments?keeper=me&state=open", Ct);
        Assert.Contains(saras.EnumerateArray(), p => p.GetProperty("caseNumber").GetString() == number && p.GetProperty("kind").GetString() == "followUpAfterConsent");
    }

    [Theory]
    [InlineData("manager-request")]
    [InlineData("consent")]
    public async Task PublicPromise_WithAnUnknownToken_Returns404ThatRevealsNothing(string what)
    {
        using var customer = app.CreateClient();

        using var response = await customer.PostAsync($"/api/public/cases/not-a-token/{what}", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("There is no case at this link.", problem.GetProperty("detail").GetString());
    }

    private async Task<string> InactiveColleagueAsync()
    {
        const string email = "ivar.vilande@moment.test";
        await using var scope = app.Services.CreateAsyncScope();
        var existing = (await scope.ServiceProvider.GetRequiredService<ListStaff>().HandleAsync(Ct)).Any(s => s.Email == email);
        if (!existing)
        {
            await scope.ServiceProvider.GetRequiredService<SaveStaffMember>().HandleAsync(
                new SaveStaffMemberRequest(null, "Ivar Vilande", email, [StaffRoles.Agent], null, false, "Moment-demo-2026"), Ct);
        }

        return email;
    }

    private static async Task<JsonElement> MakeAsync(HttpClient client, string number, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/cases/{number}/commitments", body, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}

public sealed class CommitmentApiTestsOnSqlite(SqliteApp app) : CommitmentApiTests(app), IClassFixture<SqliteApp>;

public sealed class CommitmentApiTestsOnPostgres(PostgresApp app) : CommitmentApiTests(app), IClassFixture<PostgresApp>;
