using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moment.TestSupport;

namespace Moment.Web.Tests.Cases;

/// <summary>
/// The customer's side of a case on every provider: the customer reads only what a person wrote for them, and their
/// own page takes only their own answers; what they tell staff is recorded by staff, as such.
/// </summary>
public abstract class CustomerSideTests(MomentApp app) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";          // Agent, Phone: owns the cases
    private const string Erik = "erik.sjo@moment.test";           // Agent, Phone: takes the customer's call
    private const string Leadership = "per.dahl@moment.test";
    private const string Internal = "Credit score 412, no instalments";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ContactThatKeepsAPromise_WithAnInternalSummary_IsNotShownToTheCustomer()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Landline breaks again");
        var promise = await PromiseAsync(sara, number, "I'll call you back tomorrow before 15:00");

        using (var contact = await sara.PostAsJsonAsync($"/api/cases/{number}/contacts",
            new { door = "phone", direction = "outbound", summary = $"Called her. {Internal}.", keeps = promise }, Ct))
            Assert.Equal(HttpStatusCode.OK, contact.StatusCode);

        var token = await sara.CustomerTokenAsync(number);
        using var customer = app.CreateClient();
        var view = await customer.GetStringAsync($"/api/public/cases/{token}", Ct);
        var page = await customer.GetStringAsync($"/c/{token}", Ct);
        Assert.DoesNotContain("Credit score", view, StringComparison.Ordinal);
        Assert.DoesNotContain("Credit score", page, StringComparison.Ordinal);
        var kept = Assert.Single(JsonDocument.Parse(view).RootElement.GetProperty("updates").EnumerateArray(), e => e.GetProperty("kind").GetString() == "commitmentKept");
        Assert.Equal("I'll call you back tomorrow before 15:00", kept.GetProperty("text").GetString());
        var staffView = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Contains(Internal, Assert.Single(staffView.GetProperty("promises").EnumerateArray()).GetProperty("keptHow").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepCommitment_HowItWasKept_IsNotShownToTheCustomer()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Landline breaks again");
        var promise = await PromiseAsync(sara, number, "A new phone by post");

        using (var keep = await sara.PostAsJsonAsync($"/api/commitments/{promise}/keep", new { how = $"Sent by post. {Internal}." }, Ct))
            Assert.Equal(HttpStatusCode.OK, keep.StatusCode);

        using var customer = app.CreateClient();
        var view = await customer.GetStringAsync($"/api/public/cases/{await sara.CustomerTokenAsync(number)}", Ct);
        Assert.DoesNotContain("Credit score", view, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("confirm")]
    [InlineData("object")]
    [InlineData("manager-request")]
    [InlineData("consent")]
    public async Task CustomersOwnPage_AnsweredWithAStaffSignIn_Returns403PointingToTheCasePageAndChangesNothing(string answer)
    {
        using var sara = await app.ClientForAsync(Sara);
        using var erik = await app.ClientForAsync(Erik);
        var number = await sara.NewCaseAsync("Landline breaks again");
        await ProposeAsync(sara, number);
        var token = await sara.CustomerTokenAsync(number);
        var before = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);

        using var response = await erik.PostAsJsonAsync($"/api/public/cases/{token}/{answer}", new { comment = "Works now" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("case page", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal("proposedSolved", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task CustomersOwnPage_WithAStaffSignInCookie_ShowsANoticeAndNoAnswersAndThePublicApiRefuses()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Landline breaks again");
        await ProposeAsync(sara, number);
        var token = await sara.CustomerTokenAsync(number);
        using var erik = await app.SignedInClientAsync(Erik);

        var page = await erik.GetStringAsync($"/c/{token}", Ct);
        using var confirm = await erik.PostAsJsonAsync($"/api/public/cases/{token}/confirm", new { }, Ct);

        Assert.Contains("id=\"staff-notice\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"cases/{number}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Answer\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, confirm.StatusCode);
        Assert.Equal("proposedSolved", (await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CustomerAnswer_RecordedByStaffOnThePhone_ResolvesWithTheStaffMemberShownAsTheOneWhoRecordedIt()
    {
        using var sara = await app.ClientForAsync(Sara);
        using var erik = await app.ClientForAsync(Erik);
        var number = await sara.NewCaseAsync("Landline breaks again");
        await ProposeAsync(sara, number);

        using var response = await erik.PostAsJsonAsync($"/api/cases/{number}/customer-answer", new { solved = true, door = "phone", comment = "Thank you, it works." }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var @case = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("resolved", @case.GetProperty("status").GetString());
        var timeline = @case.GetProperty("timeline").EnumerateArray().ToList();
        var recorded = Assert.Single(timeline, e => e.GetProperty("kind").GetString() == "customerConfirmationRecorded");
        Assert.Equal(("Erik Sjö", "phone"), (recorded.GetProperty("actor").GetString(), recorded.GetProperty("door").GetString()));
        Assert.DoesNotContain(timeline, e => e.GetProperty("kind").GetString() == "resolutionConfirmed");
        using var customer = app.CreateClient();
        var view = await customer.GetFromJsonAsync<JsonElement>($"/api/public/cases/{await sara.CustomerTokenAsync(number)}", Ct);
        Assert.Contains(view.GetProperty("updates").EnumerateArray(), e => e.GetProperty("kind").GetString() == "customerConfirmationRecorded");
    }

    [Fact]
    public async Task CustomerAnswer_NotSolved_ReopensWithTheSameOwner()
    {
        using var sara = await app.ClientForAsync(Sara);
        using var erik = await app.ClientForAsync(Erik);
        var number = await sara.NewCaseAsync("Landline breaks again");
        await ProposeAsync(sara, number);

        using var response = await erik.PostAsJsonAsync($"/api/cases/{number}/customer-answer", new { solved = false, door = "phone" }, Ct);

        var @case = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("open", Sara, 1), (@case.GetProperty("status").GetString(), @case.GetProperty("owner").GetProperty("email").GetString(), @case.GetProperty("counts").GetProperty("reopens").GetInt32()));
        Assert.Contains(@case.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "customerObjectionRecorded");
    }

    [Fact]
    public async Task CustomerAnswer_WithoutSayingSolvedOrAsLeadership_IsRefused()
    {
        using var sara = await app.ClientForAsync(Sara);
        using var board = await app.ClientForAsync(Leadership);
        var number = await sara.NewCaseAsync("Landline breaks again");
        await ProposeAsync(sara, number);

        using var unsaid = await sara.PostAsJsonAsync($"/api/cases/{number}/customer-answer", new { door = "phone" }, Ct);
        using var byBoard = await board.PostAsJsonAsync($"/api/cases/{number}/customer-answer", new { solved = true, door = "phone" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, unsaid.StatusCode);
        Assert.True((await unsaid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("Solved", out _));
        Assert.Equal(HttpStatusCode.Forbidden, byBoard.StatusCode);
        Assert.Equal("proposedSolved", (await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct)).GetProperty("status").GetString());
    }

    private static async Task<Guid> PromiseAsync(HttpClient client, string number, string what)
    {
        using var response = await client.PostAsJsonAsync($"/api/cases/{number}/commitments", new { kind = "callBack", what, withinBusinessDays = 1 }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static async Task ProposeAsync(HttpClient client, string number)
    {
        using var proposed = await client.PostAsJsonAsync($"/api/cases/{number}/resolution", new { text = "We have repaired your line." }, Ct);
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
    }
}

public sealed class CustomerSideTestsOnSqlite(SqliteApp app) : CustomerSideTests(app), IClassFixture<SqliteApp>;

public sealed class CustomerSideTestsOnPostgres(PostgresApp app) : CustomerSideTests(app), IClassFixture<PostgresApp>;
