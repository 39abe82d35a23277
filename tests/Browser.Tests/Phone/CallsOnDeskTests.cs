using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moment.Application.Cases;
using Moment.Application.Customers;
using Moment.Application.Staff;
using Moment.Browser.Tests.Pages;
using Moment.Browser.Tests.Shell;
using Moment.Domain.Cases;
using static Microsoft.Playwright.Assertions;
using Numbers = Moment.Application.Customers.PhoneNumbers;

namespace Moment.Browser.Tests.Phone;

/// <summary>
/// The PBX tells Moment a call rings at Erik's extension: his open desk shows, at once and in his language, who is
/// calling, their open case and its owner; one click logs the call on that case and takes it off the desk.
/// </summary>
public abstract class CallsOnDeskTests(BrowserApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACallRingingAtTheExtension_ShowsLiveWithTheCallersCase_AndIsLoggedInOneClick()
    {
        var name = $"Signe Signal {Guid.NewGuid().ToString("N")[..6]}";
        var typed = $"070-{Random.Shared.Next(1_000_000, 9_999_999)}";
        var number = await CustomerWithACaseAsync(name, typed);
        var erik = await LoginPage.SignedInAsync(app, "erik.sjo@moment.test", "sv-SE");
        await erik.GotoAsync("/desk");
        var calls = erik.Locator("section.calls[data-live=on]");
        await Expect(calls).ToBeAttachedAsync();

        using (var pbx = new HttpClient { BaseAddress = app.BaseAddress })
        {
            pbx.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BrowserApp.PbxToken);
            using var posted = await pbx.PostAsJsonAsync("/api/phone/pbx/events",
                new { @event = "newCall", callId = $"browser-{Guid.NewGuid():N}", from = typed, to = "+46855500000", extension = "202" }, Ct);
            Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync(Ct));
        }

        var card = calls.Locator("li.call", new() { HasText = name });
        await Expect(card).ToContainTextAsync("Ringer");
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = number })).ToHaveAttributeAsync("href", $"cases/{number}");
        await Expect(card).ToContainTextAsync("Ägare: Sara Holm");
        await AccessibilityTests.AssertAccessibleAsync(erik);

        await card.GetByRole(AriaRole.Button, new() { Name = $"Logga samtalet på {number}" }).ClickAsync();

        await Expect(card).ToHaveCountAsync(0);
        await erik.GotoAsync($"/cases/{number}");
        await Expect(erik.Locator("main")).ToContainTextAsync($"Samtal från {Numbers.Display(Numbers.TryNormalize(typed)!)}");
    }

    private async Task<string> CustomerWithACaseAsync(string name, string phone)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var customer = await scope.ServiceProvider.GetRequiredService<RegisterCustomer>().HandleAsync(new RegisterCustomerRequest(name, [phone], null, null), Ct);
        var sara = await scope.ServiceProvider.GetRequiredService<StaffCards>().FindByEmailAsync("sara.holm@moment.test", Ct);
        var registered = await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer.Id, null, "Fibre box dead", null, null, Door.Phone, null), sara!.Id, Ct);
        return registered.Number;
    }
}

public sealed class CallsOnDeskTestsOnSqlite(SqliteBrowserApp app) : CallsOnDeskTests(app);

public sealed class CallsOnDeskTestsOnPostgres(PostgresBrowserApp app) : CallsOnDeskTests(app);
