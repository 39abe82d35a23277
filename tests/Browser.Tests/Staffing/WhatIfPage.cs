using Microsoft.Playwright;

namespace Moment.Browser.Tests.Staffing;

/// <summary>The staffing what-if page, as a manager uses it.</summary>
public sealed class WhatIfPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The plain-language sentence about the plan at <paramref name="index"/>.</summary>
    public ILocator Sentence(int index) => page.Locator($".plain-sentences li[data-plan='{index}'] .summary-sentence");

    /// <summary>The charts of the comparison (not those of the slider).</summary>
    public ILocator Charts => page.Locator("#per-interval + .charts figure.chart");

    public ILocator Slider => page.Locator("#agents-slider");

    public ILocator SliderValue => page.Locator("#agents-slider-value");

    public ILocator SliderSentence => page.Locator("#agents-slider-sentence");

    public ILocator SliderWaitLine => page.Locator("#slider-average-wait polyline");

    public async Task GoToAsync() => await page.GotoAsync("/staffing");

    /// <summary>Waits until the slider's island is connected: it marks itself once it has rendered interactively.</summary>
    public async Task WaitUntilLiveAsync() => await page.Locator(".agents-slider[data-live='true']").WaitForAsync();

    public async Task MoveSliderAsync(int agents) => await Slider.FillAsync(agents.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async Task RecordDecisionAsync(string plan, string reason)
    {
        await page.GetByRole(AriaRole.Radio, new() { Name = plan, Exact = true }).CheckAsync();
        await page.Locator("#reason").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/staffing/decisions/[0-9a-f-]{36}$"));
    }
}
