using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Demo;
using Moment.Application.Staff;

namespace Moment.TestSupport;

/// <summary>
/// A member of staff in a browser: the sign-in cookie from the real sign-in form, kept in a cookie jar that several clients
/// (and several instances of the app) can share. Requests carry the app's own Origin, as a browser's would.
/// </summary>
public static partial class CookieSessions
{
    public const string Origin = "http://localhost";

    /// <summary>A client that keeps its cookies in <paramref name="cookies"/> and never follows redirects, so tests see them.</summary>
    public static HttpClient BrowserClient(this WebApplicationFactory<Program> app, CookieContainer cookies)
    {
        var client = app.CreateDefaultClient(new Uri(Origin), new CookieContainerHandler(cookies));
        client.DefaultRequestHeaders.Add("Origin", Origin);
        return client;
    }

    /// <summary>Signs in through the sign-in page and returns the client, which then carries the sign-in cookie.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this WebApplicationFactory<Program> app, string email, CookieContainer? cookies = null)
    {
        var client = app.BrowserClient(cookies ?? new CookieContainer());
        using var response = await client.SignInAsync(email, DemoAccounts.Password);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther))
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}, not a redirect.");
        return client;
    }

    /// <summary>Fills in and sends the sign-in form; the answer is a redirect when it worked, the page with its error when not.</summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>
    /// Posts a page's form the way a browser does: with the antiforgery token the page rendered, to the page itself or
    /// to <paramref name="action"/> (such as the language switch's <c>/language</c>).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string page, string? formName, IReadOnlyDictionary<string, string> fields, string? action = null)
    {
        var html = await client.GetStringAsync(page);
        var token = AntiforgeryField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"{page} rendered no antiforgery token.");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        if (formName is not null)
            form["_handler"] = formName;
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(form));
    }

    /// <summary>Adds a member of staff with the demo password, as an administrator does; returns their id.</summary>
    public static async Task<Guid> AddStaffAsync(this MomentApp app, string email, params string[] roles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SaveStaffMember>().HandleAsync(
            new SaveStaffMemberRequest(null, "Test Person", email, roles, null, true, DemoAccounts.Password));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
