using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Pages;

/// <summary>The desk, the new-case form and the case page, as an agent uses them.</summary>
public sealed partial class CasePage(IPage page)
{
    public IPage Page => page;

    public ILocator Owner => page.Locator("#case-owner");

    public ILocator Status => page.Locator("#case-status");

    /// <summary>Hand-offs, declines, escalations, reopens and repeat contacts, on one line.</summary>
    public ILocator Counts => page.Locator("#case-counts");

    /// <summary>The earlier case this one is the same problem as.</summary>
    public ILocator SameProblemAs => page.Locator("#same-problem-as");

    public ILocator LaterCasesAboutTheSameProblem => page.Locator("#later-same-problem");

    public ILocator Refusal => page.Locator("#case-error");

    /// <summary>From the desk: find the customer, start a case for them, and register it. Returns the case number.</summary>
    public async Task<string> RegisterAsync(string customer, string subject, string door)
    {
        await page.GotoAsync("/desk?q=" + Uri.EscapeDataString(customer));
        await page.GetByRole(AriaRole.Link, new() { Name = $"New case for {customer}" }).ClickAsync();
        await page.GetByLabel("Door").SelectOptionAsync(new SelectOptionValue { Label = door });
        await page.GetByLabel("Subject").FillAsync(subject);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register case" }).ClickAsync();
        await page.WaitForURLAsync(CaseUrl());
        return page.Url[(page.Url.LastIndexOf('/') + 1)..];
    }

    /// <summary>Offers the case to a person; <paramref name="keep"/>: the wording of open promises of mine I keep ("I keep this one").</summary>
    public async Task OfferToAsync(string person, string summary, string reason, params string[] keep)
    {
        await OpenActionAsync("handoff");
        await page.GetByLabel("To a person").SelectOptionAsync(new SelectOptionValue { Label = person });
        await page.GetByLabel("Summary for the receiver").FillAsync(summary);
        await page.GetByLabel("Reason", new() { Exact = true }).FillAsync(reason);
        foreach (var what in keep)
            await page.GetByLabel($"I keep this one: {what}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Offer the case" }).ClickAsync();
        // The form posts without a full navigation: wait for what the saved offer shows, not for the network.
        await Expect(page.GetByText(WaitingForAnswer())).ToBeVisibleAsync();
    }

    /// <summary>The offer waiting for me on this case: its promises, each coming with the case or staying with the offerer.</summary>
    public ILocator OfferedPromises => page.Locator("#offer-promises li");

    public async Task AcceptAsync(string number)
    {
        await page.GotoAsync($"/cases/{number}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the case" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept the case" })).ToHaveCountAsync(0);
    }

    public async Task DeclineAsync(string number, string reason)
    {
        await page.GotoAsync($"/cases/{number}");
        await page.GetByLabel("Reason for declining").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Expect(page.GetByLabel("Reason for declining")).ToHaveCountAsync(0);
    }

    public async Task ProposeResolutionAsync(string text)
    {
        await OpenActionAsync("resolution");
        await page.GetByLabel("What was done, in plain words").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose resolution" }).ClickAsync();
        await Expect(Status).ToHaveTextAsync("Proposed solved");
    }

    /// <summary>Adds a contact; <paramref name="sameProblem"/> ticks "Same problem", which a resolved case offers.</summary>
    public async Task RecordContactAsync(string summary, bool sameProblem = false)
    {
        await OpenActionAsync("contact");
        if (sameProblem)
            await page.GetByLabel("Same problem: reopen the case").CheckAsync();
        await page.GetByLabel("Summary", new() { Exact = true }).FillAsync(summary);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add contact" }).ClickAsync();
        await Expect(page.Locator("ol.timeline")).ToContainTextAsync(summary);
    }

    /// <summary>Links this case to an earlier one about the same problem.</summary>
    public async Task LinkToEarlierCaseAsync(string earlierNumber)
    {
        await OpenActionAsync("link");
        await page.GetByLabel("Earlier case number").FillAsync(earlierNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "Link the cases" }).ClickAsync();
        await Expect(SameProblemAs).ToHaveTextAsync(earlierNumber);
    }

    /// <summary>Opens one action of the case page's panel (note, file, contact, link, handoff, resolution, reassign), as a person clicks its heading.</summary>
    public Task OpenActionAsync(string action) => OpenActionAsync(page, action);

    public static async Task OpenActionAsync(IPage page, string action)
    {
        var details = page.Locator($"#action-{action}");
        if (await details.GetAttributeAsync("open") is null)
            await details.Locator("summary").ClickAsync();
        await Expect(details).ToHaveAttributeAsync("open", "");
    }

    public async Task<string> CustomerLinkAsync() => (await page.Locator("#customer-link").GetAttributeAsync("href"))!;

    [GeneratedRegex("waiting for an answer")]
    private static partial Regex WaitingForAnswer();

    [GeneratedRegex("/cases/M-\\d{4}-\\d{6}$")]
    private static partial Regex CaseUrl();
}
