using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Absences;
using Moment.TestSupport;

namespace Moment.Web.Tests.Absences;

/// <summary>Absences, stand-ins and a key account's reach through the API, on every provider.</summary>
public abstract class AbsenceApiTests(MomentApp app) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private DateTimeOffset Now => app.Time.GetUtcNow();

    [Fact]
    public async Task PutAbsence_ThenGetChangeAndDelete_KeepsOneAbsenceWithItsStandIn()
    {
        using var sara = await app.ClientForAsync("sara.holm@moment.test");

        using var put = await sara.PutAsJsonAsync("/api/me/absence", new { from = Now.AddDays(1), to = Now.AddDays(8), standIn = "erik.sjo@moment.test" }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var changed = await sara.PutAsJsonAsync("/api/me/absence", new { from = Now.AddDays(2), to = Now.AddDays(9), standIn = "lina.strom@moment.test" }, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var shown = await sara.GetFromJsonAsync<JsonElement>("/api/me/absence", Ct);

        Assert.Equal("Lina Ström", shown.GetProperty("standIn").GetProperty("name").GetString());
        Assert.Equal("planned", shown.GetProperty("state").GetString());
        Assert.Equal(Now.AddDays(9), shown.GetProperty("to").GetDateTimeOffset());
        using var deleted = await sara.DeleteAsync("/api/me/absence", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await sara.GetAsync("/api/me/absence", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("kim.aberg@moment.test", 1, 3, "StandIn")]
    [InlineData("nobody@moment.test", 1, 3, "StandIn")]
    [InlineData("erik.sjo@moment.test", 3, 3, "To")]
    [InlineData("erik.sjo@moment.test", -5, -1, "To")]
    public async Task PutAbsence_BadInput_Is400NamingTheFieldAndWritesNothing(string standIn, int fromDays, int toDays, string field)
    {
        using var kim = await app.ClientForAsync("kim.aberg@moment.test");

        using var response = await kim.PutAsJsonAsync("/api/me/absence", new { from = Now.AddDays(fromDays), to = Now.AddDays(toDays), standIn }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        using var none = await kim.GetAsync("/api/me/absence", Ct);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task PutAbsence_StandInAwayAtTheSameTime_Is400()
    {
        using var nora = await app.ClientForAsync("nora.vik@moment.test");
        using var johan = await app.ClientForAsync("johan.ek@moment.test");
        using var first = await nora.PutAsJsonAsync("/api/me/absence", new { from = Now.AddDays(10), to = Now.AddDays(15), standIn = "ali.karim@moment.test" }, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var response = await johan.PutAsJsonAsync("/api/me/absence", new { from = Now.AddDays(14), to = Now.AddDays(20), standIn = "nora.vik@moment.test" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nora Vik is away at the same time", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RegularContact_WhileAway_TheCustomerReachesTheStandIn()
    {
        using var lead = await app.ClientForAsync("lars.borg@moment.test");
        using var omar = await app.ClientForAsync("omar.said@moment.test");
        var customers = await lead.GetFromJsonAsync<JsonElement>("/api/customers?query=Nordbygg", Ct);
        var id = customers.EnumerateArray().First().GetProperty("id").GetGuid();
        using var assigned = await lead.PutAsJsonAsync($"/api/customers/{id}/regular-contact", new { email = "omar.said@moment.test" }, Ct);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        using var byFrontline = await omar.PutAsJsonAsync($"/api/customers/{id}/regular-contact", new { email = "omar.said@moment.test" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, byFrontline.StatusCode);

        using var away = await omar.PutAsJsonAsync("/api/me/absence", new { from = Now, to = Now.AddDays(5), standIn = "karin.nord@moment.test" }, Ct);
        Assert.Equal(HttpStatusCode.OK, away.StatusCode);
        var before = await lead.GetFromJsonAsync<JsonElement>($"/api/customers/{id}", Ct);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<StartDueAbsences>().HandleAsync(Ct);
        var after = await lead.GetFromJsonAsync<JsonElement>($"/api/customers/{id}", Ct);

        Assert.Equal("Omar Said", before.GetProperty("reach").GetProperty("name").GetString());
        Assert.Equal("Karin Nord", after.GetProperty("reach").GetProperty("name").GetString());
        Assert.Equal("Omar Said", after.GetProperty("reach").GetProperty("coveringFor").GetString());
        Assert.Equal("Omar Said", after.GetProperty("regularContact").GetProperty("name").GetString());
    }
}

public sealed class AbsenceApiTestsOnSqlite(SqliteApp app) : AbsenceApiTests(app), IClassFixture<SqliteApp>;

public sealed class AbsenceApiTestsOnPostgres(PostgresApp app) : AbsenceApiTests(app), IClassFixture<PostgresApp>;
