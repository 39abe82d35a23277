using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Moment.TestSupport;

namespace Moment.Web.Tests.Customers;

/// <summary>
/// Customers through the API on every provider: every list and text has a limit, refused with the field and nothing
/// stored; a search needs a real query; and only staff who serve customers see their contact details.
/// </summary>
public abstract class CustomerApiTests(MomentApp app) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";          // Agent
    private const string Karin = "karin.nord@moment.test";        // Frontline
    private const string Johan = "johan.ek@moment.test";          // TeamLead
    private const string Leadership = "per.dahl@moment.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task RegisterCustomer_With21PhoneNumbers_Returns400NamingTheFieldAndStoresNothing()
    {
        using var sara = await app.ClientForAsync(Sara);

        using var response = await sara.PostAsJsonAsync("/api/customers",
            new { name = "Tjugoett Nummer AB", phoneNumbers = Enumerable.Range(10, 21).Select(n => $"08-555 01 {n}") }, Ct);

        await AssertRefusedAsync(response, "PhoneNumbers");
        Assert.Empty(await FindAsync(sara, "Tjugoett Nummer"));
    }

    [Fact]
    public async Task RegisterCustomer_With21EmailAddresses_Returns400NamingTheFieldAndStoresNothing()
    {
        using var sara = await app.ClientForAsync(Sara);

        using var response = await sara.PostAsJsonAsync("/api/customers",
            new { name = "Tjugoett Adresser AB", emailAddresses = Enumerable.Range(0, 21).Select(n => $"kontor{n}@tjugoett.se") }, Ct);

        await AssertRefusedAsync(response, "EmailAddresses");
        Assert.Empty(await FindAsync(sara, "Tjugoett Adresser"));
    }

    [Fact]
    public async Task RegisterCustomer_WithTwentyOfEach_IsRegistered()
    {
        using var sara = await app.ClientForAsync(Sara);

        using var response = await sara.PostAsJsonAsync("/api/customers", new
        {
            name = "Tjugo Av Varje AB",
            phoneNumbers = Enumerable.Range(10, 20).Select(n => $"08-555 02 {n}"),
            emailAddresses = Enumerable.Range(0, 20).Select(n => $"kontor{n}@tjugo.se"),
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var customer = Assert.Single(await FindAsync(sara, "Tjugo Av Varje"));
        Assert.Equal((20, 20), (customer.GetProperty("phoneNumbers").GetArrayLength(), customer.GetProperty("emailAddresses").GetArrayLength()));
    }

    [Theory]
    [InlineData("name", 300)]
    [InlineData("phoneNumber", 33)]
    [InlineData("emailAddress", 255)]
    [InlineData("postalAddress", 501)]
    public async Task RegisterCustomer_WithATextOverItsLimit_Returns400NamingTheFieldAndStoresNothing(string what, int length)
    {
        using var sara = await app.ClientForAsync(Sara);
        var marker = "Overlong " + what;
        object body = what switch
        {
            "name" => new { name = new string('N', length) },
            "phoneNumber" => new { name = marker, phoneNumbers = new[] { "08" + new string(' ', length - 9) + "1234567" } },
            "emailAddress" => new { name = marker, emailAddresses = new[] { new string('e', length - 9) + "@example.se" } },
            _ => new { name = marker, postalAddress = new string('P', length) },
        };

        using var response = await sara.PostAsJsonAsync("/api/customers", body, Ct);

        await AssertRefusedAsync(response, what switch
        {
            "name" => "Name",
            "phoneNumber" => "PhoneNumbers",
            "emailAddress" => "EmailAddresses",
            _ => "PostalAddress",
        });
        Assert.Empty(await FindAsync(sara, what == "name" ? new string('N', 20) : marker));
    }

    [Fact]
    public async Task Api_WithABodyOverOneMegabyte_Returns413ProblemAndStoresNothing()
    {
        using var sara = await app.ClientForAsync(Sara);
        var json = JsonSerializer.Serialize(new { name = "Megabyte Bygg AB", phoneNumbers = Enumerable.Repeat("08-123 45 67", 100_000) });
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await sara.PostAsync("/api/customers", content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await FindAsync(sara, "Megabyte Bygg"));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("%_%")]
    [InlineData("a")]
    [InlineData(" ")]
    [InlineData("")]
    public async Task FindCustomers_WithoutAtLeastTwoLettersOrDigits_Returns400(string query)
    {
        using var sara = await app.ClientForAsync(Sara);

        using var response = await sara.GetAsync("/api/customers?query=" + Uri.EscapeDataString(query), Ct);

        await AssertRefusedAsync(response, "query");
    }

    [Fact]
    public async Task FindCustomers_PercentAndUnderscore_AreMatchedAsWritten()
    {
        using var sara = await app.ClientForAsync(Sara);
        await RegisterAsync(sara, "100% Bygg AB");
        await RegisterAsync(sara, "Ester Lund");

        var percent = await FindAsync(sara, "100%");
        var underscore = await FindAsync(sara, "e_t");
        var everyone = await FindAsync(sara, "%%an");

        Assert.Equal("100% Bygg AB", Assert.Single(percent).GetProperty("name").GetString());
        Assert.Empty(underscore);
        Assert.Empty(everyone);
    }

    [Theory]
    [InlineData(Sara)]
    [InlineData(Karin)]
    [InlineData(Johan)]
    public async Task FindCustomers_AsStaffWhoServeCustomers_ShowsContactDetails(string email)
    {
        using var client = await app.ClientForAsync(email);

        var margit = Assert.Single(await FindAsync(client, "Margit Andersson"));
        var byPhone = await FindAsync(client, "08-123 45 67");
        var byId = await client.GetFromJsonAsync<JsonElement>($"/api/customers/{margit.GetProperty("id").GetGuid()}", Ct);

        Assert.Equal("+4681234567", margit.GetProperty("phoneNumbers")[0].GetString());
        Assert.Contains(byPhone, c => c.GetProperty("name").GetString() == "Margit Andersson");
        Assert.Equal("+4681234567", byId.GetProperty("phoneNumbers")[0].GetString());
    }

    [Fact]
    public async Task FindCustomers_AsLeadership_ShowsNamesWithoutContactDetails()
    {
        using var board = await app.ClientForAsync(Leadership);

        var found = await FindAsync(board, "Andersson");
        var margit = Assert.Single(found, c => c.GetProperty("name").GetString() == "Margit Andersson");
        var byId = await board.GetFromJsonAsync<JsonElement>($"/api/customers/{margit.GetProperty("id").GetGuid()}", Ct);

        Assert.All(found.Append(byId), customer =>
        {
            Assert.Empty(customer.GetProperty("phoneNumbers").EnumerateArray());
            Assert.Empty(customer.GetProperty("emailAddresses").EnumerateArray());
            Assert.Equal(JsonValueKind.Null, customer.GetProperty("postalAddress").ValueKind);
        });
    }

    [Theory]
    [InlineData("08-123 45 67")]
    [InlineData("jonas.persson@example.se")]
    public async Task FindCustomers_AsLeadershipByPhoneOrEmail_Returns403(string query)
    {
        using var board = await app.ClientForAsync(Leadership);

        using var response = await board.GetAsync("/api/customers?query=" + Uri.EscapeDataString(query), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(Leadership, false)]
    [InlineData(Karin, true)]
    public async Task CasePage_ShowsTheCustomersPhoneNumberOnlyToStaffWhoServeCustomers(string email, bool shown)
    {
        using var sara = await app.ClientForAsync(Sara);
        var margit = Assert.Single(await FindAsync(sara, "Margit Andersson")).GetProperty("id").GetGuid();
        using var created = await sara.PostAsJsonAsync("/api/cases", new { customerId = margit, subject = "Landline dead", door = "phone" }, Ct);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("number").GetString()!;
        using var browser = await app.SignedInClientAsync(email);

        var page = await browser.GetStringAsync($"/cases/{number}", Ct);

        Assert.Contains("Margit Andersson", page, StringComparison.Ordinal);
        Assert.Equal(shown, page.Contains("123 45 67", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CorrectingAndMerging_RefusesBadInputAtItsField_IsForStaffWhoServeCustomers_AndMovesTheCases()
    {
        using var sara = await app.ClientForAsync(Sara);
        var kept = await CreateAsync(sara, new { name = "Margit Berglund", phoneNumbers = new[] { "08-444 55 66" } });
        var twice = await CreateAsync(sara, new { name = "Berglund Margit", phoneNumbers = new[] { "08-444 55 66" } });
        using (var registered = await sara.PostAsJsonAsync("/api/cases", new { customerId = twice, subject = "Fakturan", door = "phone" }, Ct))
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        using var badNumber = await sara.PutAsJsonAsync($"/api/customers/{kept}", new { name = "Margit Berglund", phoneNumbers = new[] { "inget nummer" } }, Ct);
        await AssertRefusedAsync(badNumber, "PhoneNumbers");
        using var noName = await sara.PutAsJsonAsync($"/api/customers/{kept}", new { name = " " }, Ct);
        await AssertRefusedAsync(noName, "Name");
        using var nobody = await sara.PutAsJsonAsync($"/api/customers/{Guid.NewGuid()}", new { name = "Någon" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        using var leadership = await app.ClientForAsync(Leadership);
        using var notTheirs = await leadership.PostAsJsonAsync($"/api/customers/{kept}/merge", new { otherCustomerId = twice }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        using var nothingChosen = await sara.PostAsJsonAsync($"/api/customers/{kept}/merge", new { }, Ct);
        await AssertRefusedAsync(nothingChosen, "OtherCustomerId");

        using var edited = await sara.PutAsJsonAsync($"/api/customers/{kept}", new { name = "Margit Berglund", phoneNumbers = new[] { "08-444 55 66", "070-444 55 66" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        using var merged = await sara.PostAsJsonAsync($"/api/customers/{kept}/merge", new { otherCustomerId = twice }, Ct);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);

        using var gone = await sara.GetAsync($"/api/customers/{twice}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var profile = await sara.GetFromJsonAsync<JsonElement>($"/api/customers/{kept}/profile", Ct);
        Assert.Equal("Fakturan", Assert.Single(profile.GetProperty("cases").EnumerateArray()).GetProperty("subject").GetString());
        Assert.Equal(["merged", "phoneNumberAdded"], profile.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()).OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheLanguage_IsCorrectedLikeTheOtherDetails_ShownWithTheCustomer_AndRefusedWhenMomentDoesNotWriteIt()
    {
        using var sara = await app.ClientForAsync(Sara);
        var id = await CreateAsync(sara, new { name = "Edith Engelsk", emailAddresses = new[] { "edith@example.com" } });
        Assert.Equal(JsonValueKind.Null, (await sara.GetFromJsonAsync<JsonElement>($"/api/customers/{id}", Ct)).GetProperty("language").ValueKind);

        using var english = await sara.PutAsJsonAsync($"/api/customers/{id}", new { name = "Edith Engelsk", emailAddresses = new[] { "edith@example.com" }, language = "english" }, Ct);
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Equal("english", (await english.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("language").GetString());
        using var number = await sara.PutAsJsonAsync($"/api/customers/{id}", new { name = "Edith Engelsk", emailAddresses = new[] { "edith@example.com" }, language = 7 }, Ct);
        await AssertRefusedAsync(number, "Language");

        Assert.Equal("english", (await sara.GetFromJsonAsync<JsonElement>($"/api/customers/{id}", Ct)).GetProperty("language").GetString());
        var profile = await sara.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/profile", Ct);
        var change = Assert.Single(profile.GetProperty("history").EnumerateArray());
        Assert.Equal(("languageChanged", "English"), (change.GetProperty("kind").GetString(), change.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task RegisteredWithTheLanguage_KeepsIt_AndOneMomentDoesNotWriteIsRefusedWithNothingSaved()
    {
        using var sara = await app.ClientForAsync(Sara);
        var id = await CreateAsync(sara, new { name = "Emma Engelska", phoneNumbers = new[] { "070-118 22 01" }, language = "english" });
        Assert.Equal("english", (await sara.GetFromJsonAsync<JsonElement>($"/api/customers/{id}", Ct)).GetProperty("language").GetString());

        using var refused = await sara.PostAsJsonAsync("/api/customers", new { name = "Nils Nummerspråk", language = 7 }, Ct);
        await AssertRefusedAsync(refused, "Language");
        Assert.Empty((await sara.GetFromJsonAsync<JsonElement>("/api/customers?query=" + Uri.EscapeDataString("Nils Nummerspråk"), Ct)).EnumerateArray());
    }

    private static async Task<Guid> CreateAsync(HttpClient client, object customer)
    {
        using var response = await client.PostAsJsonAsync("/api/customers", customer, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for {field} in {problem}");
    }

    private static async Task RegisterAsync(HttpClient client, string name)
    {
        using var response = await client.PostAsJsonAsync("/api/customers", new { name }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<IReadOnlyList<JsonElement>> FindAsync(HttpClient client, string query)
    {
        var found = await client.GetFromJsonAsync<JsonElement>("/api/customers?query=" + Uri.EscapeDataString(query), Ct);
        return [.. found.EnumerateArray()];
    }
}

public sealed class CustomerApiTestsOnSqlite(SqliteApp app) : CustomerApiTests(app), IClassFixture<SqliteApp>;

public sealed class CustomerApiTestsOnPostgres(PostgresApp app) : CustomerApiTests(app), IClassFixture<PostgresApp>;
