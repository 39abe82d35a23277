using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moment.TestSupport;

namespace Moment.Web.Tests.Cases;

/// <summary>Cases through the API on every provider: one owner, warm hand-offs, escalation, resolution the customer confirms.</summary>
public abstract class CaseApiTests(MomentApp app) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";          // Agent, Phone
    private const string Erik = "erik.sjo@moment.test";           // Agent, Phone
    private const string Lina = "lina.strom@moment.test";         // Agent, Chat
    private const string Kim = "kim.aberg@moment.test";           // Agent, Business customers
    private const string Karin = "karin.nord@moment.test";        // Frontline, Onboard
    private const string Leadership = "per.dahl@moment.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Customer_WithOnlyALandline_CanBeRegisteredFoundAndGetACase()
    {
        using var karin = await app.ClientForAsync(Karin);

        using var created = await karin.PostAsJsonAsync("/api/customers", new { name = "Greta Lund", phoneNumbers = new[] { "08-765 43 21" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var customer = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("+4687654321", customer.GetProperty("phoneNumbers")[0].GetString());
        Assert.Empty(customer.GetProperty("emailAddresses").EnumerateArray());

        var found = await karin.GetFromJsonAsync<JsonElement>("/api/customers?query=" + Uri.EscapeDataString("+46 (0)8 765 43 21"), Ct);
        Assert.Equal("Greta Lund", Assert.Single(found.EnumerateArray()).GetProperty("name").GetString());

        var @case = await RegisterAsync(karin, customer.GetProperty("id").GetGuid(), "Her landline is dead", door: "shop");
        Assert.Equal("open", @case.GetProperty("status").GetString());
        Assert.Equal("shop", @case.GetProperty("firstDoor").GetString());
        var byNumber = await karin.GetFromJsonAsync<JsonElement>("/api/customers?query=" + @case.GetProperty("number").GetString(), Ct);
        Assert.Equal("Greta Lund", Assert.Single(byNumber.EnumerateArray()).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("andersson", "Anders Andersson")]
    [InlineData("ÅBERG", null)]
    [InlineData("JONAS.persson@example.se", "Jonas Persson")]
    [InlineData("070-123 45 67", "Anders Andersson")]
    [InlineData("0046 8 123 45 67", "Margit Andersson")]
    public async Task FindCustomers_ByWhatThePersonAtTheDoorHas_FindsThem(string query, string? expected)
    {
        using var client = await app.ClientForAsync(Sara);

        var found = await client.GetFromJsonAsync<JsonElement>("/api/customers?query=" + Uri.EscapeDataString(query), Ct);

        var names = found.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        if (expected is null)
            Assert.Empty(names);
        else
            Assert.Contains(expected, names);
    }

    [Fact]
    public async Task RegisterCase_ReturnsCreatedWithLocationOwnerTeamCountsAndLink()
    {
        using var karin = await app.ClientForAsync(Karin);
        var customerId = await CustomerIdAsync(karin, "Jonas Persson");

        using var response = await karin.PostAsJsonAsync("/api/cases",
            new { customerId, subject = "The booking app crashes", description = "Android 14, for weeks", door = "onboard" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var @case = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var number = @case.GetProperty("number").GetString()!;
        Assert.Matches("^M-2026-\\d{6}$", number);
        Assert.Equal($"/api/cases/{number}", response.Headers.Location?.OriginalString);
        Assert.Equal("Karin Nord", @case.GetProperty("owner").GetProperty("name").GetString());
        Assert.Equal(Karin, @case.GetProperty("owner").GetProperty("email").GetString());
        Assert.Equal("Onboard", @case.GetProperty("team").GetProperty("name").GetString());
        Assert.Equal(0, @case.GetProperty("counts").GetProperty("handOffs").GetInt32());
        Assert.Contains("/c/", @case.GetProperty("customerLink").GetString(), StringComparison.Ordinal);
        var fetched = await karin.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Equal(["created", "contact"], fetched.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task RegisterCase_WithMissingOrTooLongFields_Returns400NamingTheFieldAndWritesNothing()
    {
        using var karin = await app.ClientForAsync(Karin);
        var customerId = await CustomerIdAsync(karin, "Jonas Persson");
        var before = (await karin.GetFromJsonAsync<JsonElement>("/api/cases?owner=me", Ct)).GetArrayLength();

        using var noSubject = await karin.PostAsJsonAsync("/api/cases", new { customerId, door = "phone" }, Ct);
        using var tooLong = await karin.PostAsJsonAsync("/api/cases", new { customerId, door = "phone", subject = new string('x', 201) }, Ct);
        using var noDoor = await karin.PostAsJsonAsync("/api/cases", new { customerId, subject = "x" }, Ct);

        foreach (var (response, field) in new[] { (noSubject, "Subject"), (tooLong, "Subject"), (noDoor, "Door") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for {field}");
        }

        Assert.Equal(before, (await karin.GetFromJsonAsync<JsonElement>("/api/cases?owner=me", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task RegisterCase_AsLeadership_IsForbidden()
    {
        using var board = await app.ClientForAsync(Leadership);

        using var response = await board.PostAsJsonAsync("/api/cases", new { subject = "x", door = "phone" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task OfferHandOff_ToYourself_Returns400()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await NewCaseAsync(sara);

        using var response = await sara.PostAsJsonAsync($"/api/cases/{number}/handoffs", new { toUserEmail = Sara, summary = "s", reason = "r" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AcceptOffer_AddressedToSomeoneElse_Returns403AndTheOwnerStays()
    {
        using var sara = await app.ClientForAsync(Sara);
        using var lina = await app.ClientForAsync(Lina);
        var number = await NewCaseAsync(sara);
        var handOffId = await OfferAsync(sara, number, new { toUserEmail = Erik, summary = "Needs a refund", reason = "Billing" });

        using var response = await lina.PostAsync($"/api/handoffs/{handOffId}/accept", null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var @case = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Equal(Sara, @case.GetProperty("owner").GetProperty("email").GetString());
    }

    [Fact]
    public async Task AcceptOffer_TwoPeopleAtOnce_ExactlyOneWinsTheOtherGets409()
    {
        using var lina = await app.ClientForAsync(Lina);
        using var sara = await app.ClientForAsync(Sara);
        using var erik = await app.ClientForAsync(Erik);
        var number = await NewCaseAsync(lina);
        var phoneTeam = await TeamIdAsync(lina, "Phone");
        var handOffId = await OfferAsync(lina, number, new { toTeamId = phoneTeam, summary = "Fault report on a landline", reason = "Phone handles faults" });

        var answers = await Task.WhenAll(
            sara.PostAsync($"/api/handoffs/{handOffId}/accept", null, Ct),
            erik.PostAsync($"/api/handoffs/{handOffId}/accept", null, Ct));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var winner = answers[0].StatusCode == HttpStatusCode.OK ? Sara : Erik;
        var @case = await lina.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Equal(winner, @case.GetProperty("owner").GetProperty("email").GetString());
        Assert.Equal(1, @case.GetProperty("counts").GetProperty("handOffs").GetInt32());
        foreach (var answer in answers)
            answer.Dispose();
    }

    [Fact]
    public async Task Note_WithAStaleVersion_Returns409AndIsNotAdded()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await NewCaseAsync(sara);
        var version = (await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct)).GetProperty("version").GetInt32();
        using (var first = await sara.PostAsJsonAsync($"/api/cases/{number}/notes", new { text = "first", expectedVersion = version }, Ct))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var stale = await sara.PostAsJsonAsync($"/api/cases/{number}/notes", new { text = "stale", expectedVersion = version }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var @case = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.DoesNotContain("stale", @case.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Story2_DeclinedTwice_EscalatesToTheNamedTeamLeadWhomTheCustomerSees()
    {
        using var kim = await app.ClientForAsync(Kim);
        using var sara = await app.ClientForAsync(Sara);
        using var erik = await app.ClientForAsync(Erik);
        var customerId = await CustomerIdAsync(kim, "Nordbygg AB");
        var @case = await RegisterAsync(kim, customerId, "Invoice charged twice", door: "phone");
        var number = @case.GetProperty("number").GetString()!;

        var first = await OfferAsync(kim, number, new { toUserEmail = Sara, summary = "Charged twice in October", reason = "I am going on holiday" });
        using (var declined = await sara.PostAsJsonAsync($"/api/handoffs/{first}/decline", new { reason = "Not a phone matter" }, Ct))
            Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var second = await OfferAsync(kim, number, new { toUserEmail = Erik, summary = "Charged twice in October", reason = "I am going on holiday" });
        using var escalated = await erik.PostAsJsonAsync($"/api/handoffs/{second}/decline", new { reason = "Billing is not mine" }, Ct);

        var after = await escalated.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Lars Borg", after.GetProperty("owner").GetProperty("name").GetString());
        Assert.Equal(1, after.GetProperty("counts").GetProperty("escalations").GetInt32());
        Assert.Equal(2, after.GetProperty("counts").GetProperty("declines").GetInt32());
        var link = after.GetProperty("customerLink").GetString()!;
        var publicView = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/public/cases/" + link[(link.LastIndexOf('/') + 1)..], Ct);
        Assert.Equal("Lars", publicView.GetProperty("ownerFirstName").GetString());
        Assert.Equal("Business customers", publicView.GetProperty("teamName").GetString());
    }

    [Fact]
    public async Task Resolution_ConfirmedByTheCustomerWithTheirLink_IsResolved()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await NewCaseAsync(sara);
        using (var proposed = await sara.PostAsJsonAsync($"/api/cases/{number}/resolution", new { text = "We have repaired your line." }, Ct))
            Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        var token = await TokenAsync(sara, number);
        using var anonymous = app.CreateClient();

        using var confirmed = await anonymous.PostAsJsonAsync($"/api/public/cases/{token}/confirm", new { comment = "Works now, thanks" }, Ct);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("resolved", (await confirmed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        var @case = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.True(@case.GetProperty("timeToResolutionSeconds").GetDouble() >= 0);
    }

    [Fact]
    public async Task Resolution_ObjectedToByTheCustomer_ReopensWithTheSameOwner()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await NewCaseAsync(sara);
        using (await sara.PostAsJsonAsync($"/api/cases/{number}/resolution", new { text = "Repaired." }, Ct))
        {
        }

        using var objected = await app.CreateClient().PostAsJsonAsync($"/api/public/cases/{await TokenAsync(sara, number)}/object", new { comment = "Still broken" }, Ct);

        Assert.Equal(HttpStatusCode.OK, objected.StatusCode);
        var @case = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Equal("open", @case.GetProperty("status").GetString());
        Assert.Equal(Sara, @case.GetProperty("owner").GetProperty("email").GetString());
        Assert.Equal(1, @case.GetProperty("counts").GetProperty("reopens").GetInt32());
    }

    [Theory]
    [InlineData("not-a-real-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task PublicCase_WithAnUnknownToken_Returns404ThatRevealsNothing(string token)
    {
        using var anonymous = app.CreateClient();

        using var get = await anonymous.GetAsync($"/api/public/cases/{token}", Ct);
        using var confirm = await anonymous.PostAsJsonAsync($"/api/public/cases/{token}/confirm", new { }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
        Assert.Equal("There is no case at this link.", (await get.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RepeatContact_SameProblemAfterResolution_ReopensAndCounts()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await NewCaseAsync(sara);
        using (await sara.PostAsJsonAsync($"/api/cases/{number}/resolution", new { text = "Repaired." }, Ct))
        {
        }

        using (await app.CreateClient().PostAsJsonAsync($"/api/public/cases/{await TokenAsync(sara, number)}/confirm", new { }, Ct))
        {
        }

        using var notSame = await sara.PostAsJsonAsync($"/api/cases/{number}/contacts", new { door = "phone", summary = "Calls again", sameProblem = false }, Ct);
        using var same = await sara.PostAsJsonAsync($"/api/cases/{number}/contacts", new { door = "phone", summary = "Dead again", sameProblem = true }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, notSame.StatusCode);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var @case = await same.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("open", @case.GetProperty("status").GetString());
        Assert.Equal(1, @case.GetProperty("counts").GetProperty("repeatContacts").GetInt32());
    }

    [Fact]
    public async Task ListCases_ByOwnerStatusAndTeam_Filters()
    {
        using var erik = await app.ClientForAsync(Erik);
        var number = await NewCaseAsync(erik);

        var mine = await erik.GetFromJsonAsync<JsonElement>("/api/cases?owner=me&status=open", Ct);
        var byEmail = await erik.GetFromJsonAsync<JsonElement>($"/api/cases?owner={Erik}&team=Phone", Ct);
        var otherTeam = await erik.GetFromJsonAsync<JsonElement>($"/api/cases?owner={Erik}&team=Chat", Ct);

        Assert.Contains(number, mine.EnumerateArray().Select(c => c.GetProperty("number").GetString()));
        Assert.Contains(number, byEmail.EnumerateArray().Select(c => c.GetProperty("number").GetString()));
        Assert.DoesNotContain(number, otherTeam.EnumerateArray().Select(c => c.GetProperty("number").GetString()));
    }

    [Fact]
    public async Task UnknownCase_Returns404ProblemJson()
    {
        using var sara = await app.ClientForAsync(Sara);

        using var response = await sara.GetAsync("/api/cases/M-1999-999999", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> NewCaseAsync(HttpClient client) =>
        (await RegisterAsync(client, await CustomerIdAsync(client, "Margit Andersson"), "Landline breaks again", door: "phone")).GetProperty("number").GetString()!;

    private static async Task<JsonElement> RegisterAsync(HttpClient client, Guid customerId, string subject, string door)
    {
        using var response = await client.PostAsJsonAsync("/api/cases", new { customerId, subject, door }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<Guid> OfferAsync(HttpClient client, string number, object offer)
    {
        using var response = await client.PostAsJsonAsync($"/api/cases/{number}/handoffs", offer, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("handOffId").GetGuid();
    }

    private static async Task<Guid> CustomerIdAsync(HttpClient client, string name)
    {
        var found = await client.GetFromJsonAsync<JsonElement>("/api/customers?query=" + Uri.EscapeDataString(name), Ct);
        return found.EnumerateArray().First(c => c.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> TeamIdAsync(HttpClient client, string name)
    {
        var teams = await client.GetFromJsonAsync<JsonElement>("/api/teams", Ct);
        return teams.EnumerateArray().First(t => t.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    private static async Task<string> TokenAsync(HttpClient client, string number)
    {
        var link = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct)).GetProperty("customerLink").GetString()!;
        return link[(link.LastIndexOf('/') + 1)..];
    }
}

public sealed class CaseApiTestsOnSqlite(SqliteApp app) : CaseApiTests(app), IClassFixture<SqliteApp>;

public sealed class CaseApiTestsOnPostgres(PostgresApp app) : CaseApiTests(app), IClassFixture<PostgresApp>;
