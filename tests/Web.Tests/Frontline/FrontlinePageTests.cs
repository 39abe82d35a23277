using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moment.TestSupport;

namespace Moment.Web.Tests.Frontline;

/// <summary>The frontline page on every provider: plain forms, posted and redirected, nothing that needs a live circuit.</summary>
public abstract class FrontlinePageTests(MomentApp app) : IAsyncLifetime
{
    private const string Host = "karin.nord@moment.test";

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Frontline_FindTheCustomerAndOpenACaseOnboardLinkedToTheKnownIssue_RedirectsToTheCase()
    {
        using var browser = await app.SignedInClientAsync(Host);
        using var api = await app.ClientForAsync(Host);
        var issue = (await api.GetFromJsonAsync<JsonElement>("/api/known-issues?text=" + Uri.EscapeDataString("appen stänger sig när han väljer plats"), Ct))[0];
        var customer = (await api.GetFromJsonAsync<JsonElement>("/api/customers?query=Jonas", Ct))[0].GetProperty("id").GetGuid();

        var found = WebUtility.HtmlDecode(await browser.GetStringAsync("/frontline?door=onboard&q=Jonas", Ct));
        Assert.Contains("Jonas Persson", found, StringComparison.Ordinal);
        Assert.Contains(issue.GetProperty("workaround").GetString()!, found, StringComparison.Ordinal);

        var page = $"/frontline?door=onboard&customer={customer}";
        using var opened = await browser.PostFormAsync(page, "frontline-case", new Dictionary<string, string>
        {
            ["Input.Door"] = "Onboard",
            ["Input.CustomerId"] = customer.ToString(),
            ["Input.Subject"] = "Appen stänger sig vid platsval",
            ["Input.Text"] = "Första klass, tåg 527.",
            ["Input.KnownIssueId"] = issue.GetProperty("id").GetString()!,
        });

        Assert.Equal(HttpStatusCode.SeeOther, opened.StatusCode);
        var location = opened.Headers.Location!.OriginalString;
        var number = Uri.UnescapeDataString(location[(location.IndexOf("case=", StringComparison.Ordinal) + 5)..].Split('&')[0]);
        var @case = await api.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Equal("onboard", @case.GetProperty("firstDoor").GetString(), ignoreCase: true);
        var forCase = await api.GetFromJsonAsync<JsonElement>($"/api/known-issues/for-case/{number}", Ct);
        Assert.Contains(forCase.GetProperty("linked").EnumerateArray(), i => i.GetProperty("id").GetString() == issue.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Desk_ShowsTheActiveKnownIssues_ThoseTheSearchSpeaksOfFirst_WithTheirWorkaround()
    {
        using var browser = await app.SignedInClientAsync("sara.holm@moment.test");
        using var api = await app.ClientForAsync(Host);
        var issue = (await api.GetFromJsonAsync<JsonElement>("/api/known-issues?text=" + Uri.EscapeDataString("appen stänger sig när han väljer plats"), Ct))[0];
        var title = issue.GetProperty("title").GetString()!;

        var desk = WebUtility.HtmlDecode(await browser.GetStringAsync("/desk", Ct));
        var searched = WebUtility.HtmlDecode(await browser.GetStringAsync("/desk?q=" + Uri.EscapeDataString("appen stänger sig vid platsval"), Ct));

        Assert.Contains(title, desk, StringComparison.Ordinal);
        Assert.Contains(issue.GetProperty("workaround").GetString()!, desk, StringComparison.Ordinal);
        Assert.DoesNotContain("Stämmer med din sökning", desk, StringComparison.Ordinal);
        var listed = searched[searched.IndexOf("id=\"known-now\"", StringComparison.Ordinal)..];
        Assert.StartsWith(title, listed[(listed.IndexOf("\">", listed.IndexOf("<a ", StringComparison.Ordinal), StringComparison.Ordinal) + 2)..], StringComparison.Ordinal);
        Assert.Contains("Stämmer med din sökning", searched, StringComparison.Ordinal);
    }
}

public sealed class FrontlinePageTestsOnSqlite(SqliteApp app) : FrontlinePageTests(app), IClassFixture<SqliteApp>;

public sealed class FrontlinePageTestsOnPostgres(PostgresApp app) : FrontlinePageTests(app), IClassFixture<PostgresApp>;
