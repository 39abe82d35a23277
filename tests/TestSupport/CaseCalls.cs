using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moment.TestSupport;

/// <summary>What many API tests do first: open a case for a demo customer, and read the customer's link to it.</summary>
public static class CaseCalls
{
    /// <summary>Registers a case for the demo customer of that name and returns its number.</summary>
    public static async Task<string> NewCaseAsync(this HttpClient client, string subject, string door = "phone", string customer = "Margit Andersson")
    {
        var ct = TestContext.Current.CancellationToken;
        var found = await client.GetFromJsonAsync<JsonElement>("/api/customers?query=" + Uri.EscapeDataString(customer), ct);
        var customerId = found.EnumerateArray().First(c => c.GetProperty("name").GetString() == customer).GetProperty("id").GetGuid();
        using var response = await client.PostAsJsonAsync("/api/cases", new { customerId, subject, door }, ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("number").GetString()!;
    }

    /// <summary>The token in the customer's link to the case (<c>/c/&lt;token&gt;</c>), which the public endpoints take.</summary>
    public static async Task<string> CustomerTokenAsync(this HttpClient client, string number)
    {
        var link = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", TestContext.Current.CancellationToken)).GetProperty("customerLink").GetString()!;
        return link[(link.LastIndexOf('/') + 1)..];
    }
}
