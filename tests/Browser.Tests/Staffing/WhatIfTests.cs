using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Staffing;

/// <summary>The staffing what-if in a real browser: story 3 on the demo forecast, the live slider, and the decision log.</summary>
public abstract partial class WhatIfTests(BrowserApp app)
{
    private const string Manager = "maria.berg@moment.test";
    private const string Leadership = "per.dahl@moment.test";
    private const string Agent = "sara.holm@moment.test";

    [Fact]
    public async Task WhatIf_DemoForecast80Versus40_ChartsEachPlanAndSaysWhatTheCutMeans()
    {
        var page = await LoginPage.SignedInAsync(app, Manager);
        var whatIf = new WhatIfPage(page);

        await whatIf.GoToAsync();

        await Expect(whatIf.Heading).ToHaveTextAsync("Staffing what-if");
        await Expect(whatIf.Sentence(1)).ToHaveTextAsync(FortyAgentsInEnglish());
        await Expect(whatIf.Sentence(0)).ToHaveTextAsync(EightyAgentsInEnglish());
        await Expect(whatIf.Charts).ToHaveCountAsync(5);
        foreach (var chart in await whatIf.Charts.AllAsync())
        {
            await Expect(chart.Locator("svg[role=img] polyline")).ToHaveCountAsync(2);
            await Expect(chart.Locator(".legend li")).ToHaveTextAsync(["80 agents", "40 agents"]);
            await Expect(chart.Locator("table caption")).ToHaveTextAsync(await chart.Locator("figcaption").InnerTextAsync());
            await Expect(chart.Locator("table thead th[scope=col]")).ToHaveTextAsync(["Interval", "80 agents", "40 agents"]);
            await Expect(chart.Locator("table tbody th[scope=row]")).ToHaveCountAsync(26);
        }
        var averageWait = page.Locator("#chart-average-wait table tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextString = "10:00" }) });
        await Expect(averageWait.Locator("td").Nth(1)).ToHaveTextAsync(new Regex(@"^2[1-5] min$"));
        await Expect(page.Locator("#leak-table tbody tr")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task WhatIf_InSwedish_SaysItWithSwedishNumbers()
    {
        var page = await LoginPage.SignedInAsync(app, Leadership, "sv-SE");
        var whatIf = new WhatIfPage(page);

        await whatIf.GoToAsync();

        await Expect(whatIf.Heading).ToHaveTextAsync("Bemanning: vad händer om");
        await Expect(whatIf.Sentence(1)).ToHaveTextAsync(
            new Regex(@"^Med 40 handläggare väntar den som ringer kl\. 10:00 i ungefär 2[1-5] minuter; (2[89]|3[0-4])\s%\slägger på\.$"));
    }

    [Fact]
    public async Task Slider_Moved_UpdatesTheChartAndTheSentenceLive()
    {
        var page = await LoginPage.SignedInAsync(app, Manager);
        var whatIf = new WhatIfPage(page);
        await whatIf.GoToAsync();
        await whatIf.WaitUntilLiveAsync();
        await Expect(whatIf.SliderValue).ToHaveTextAsync("40");
        await Expect(whatIf.SliderSentence).ToHaveTextAsync(FortyAgentsInEnglish());
        var before = await whatIf.SliderWaitLine.GetAttributeAsync("points");

        await whatIf.MoveSliderAsync(80);

        await Expect(whatIf.SliderValue).ToHaveTextAsync("80");
        await Expect(whatIf.SliderSentence).ToHaveTextAsync(EightyAgentsInEnglish());
        await Expect(whatIf.SliderWaitLine).Not.ToHaveAttributeAsync("points", before!);
        await Expect(page.Locator("#slider-average-wait figcaption")).ToHaveTextAsync("Average wait with 80 agents");
    }

    [Fact]
    public async Task Decision_RecordedByManager_IsListedWithItsFrozenWhatIfForLeadership()
    {
        var page = await LoginPage.SignedInAsync(app, Manager);
        var whatIf = new WhatIfPage(page);
        await whatIf.GoToAsync();

        await whatIf.RecordDecisionAsync("40 agents", "Winter budget: the board asks for half the staff.");

        await Expect(page.Locator("#chosen-plan")).ToHaveTextAsync("40 agents");
        await Expect(page.Locator(".plain-sentences li[data-plan='1']")).ToContainTextAsync("Chosen:");
        await AssertAccessibleAsync(page);
        var decisionUrl = page.Url;
        var leadership = await LoginPage.SignedInAsync(app, Leadership);
        await leadership.GotoAsync("/staffing/decisions");
        var row = leadership.Locator("table.decisions tbody tr").Filter(new() { HasTextString = "Winter budget: the board asks for half the staff." });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("Maria Berg");
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("40 agents");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync(FortyAgentsInEnglish());
        await row.Locator("th a").ClickAsync();
        await Expect(leadership).ToHaveURLAsync(decisionUrl);
    }

    [Fact]
    public async Task WhatIf_ForLeadership_HasNoDecisionForm()
    {
        var page = await LoginPage.SignedInAsync(app, Leadership);
        var whatIf = new WhatIfPage(page);

        await whatIf.GoToAsync();

        await Expect(whatIf.Sentence(1)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WhatIf_OwnForecastWithABadLine_SaysWhichLine()
    {
        var page = await LoginPage.SignedInAsync(app, Manager);
        await new WhatIfPage(page).GoToAsync();

        await page.Locator("#forecast").FillAsync("start,contacts,aht\n09:00,100,3m\n09:30,100,3m\n10:15,100,3m");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare the plans" }).ClickAsync();

        await Expect(page.Locator("#forecast-error")).ToHaveTextAsync("Line 4: expected the interval starting 10:00, every 30 minutes.");
        await Expect(page.Locator("#forecast")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#forecast")).ToHaveAttributeAsync("aria-describedby", "forecast-hint forecast-error");
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(1024)]
    public async Task WhatIf_TheForecastBox_DoesNotOverlapThePlansBox(int width)
    {
        var page = await LoginPage.SignedInAsync(app, Manager);
        await page.SetViewportSizeAsync(width, 900);
        await new WhatIfPage(page).GoToAsync();

        var forecast = (await page.Locator("fieldset:has(#forecast)").BoundingBoxAsync())!;
        var plans = (await page.Locator("fieldset:has(#plans)").BoundingBoxAsync())!;
        var file = (await page.Locator("#forecast-file").BoundingBoxAsync())!;

        var apart = forecast.X + forecast.Width <= plans.X || plans.X + plans.Width <= forecast.X
            || forecast.Y + forecast.Height <= plans.Y || plans.Y + plans.Height <= forecast.Y;
        Assert.True(apart, $"forecast {forecast.X},{forecast.Y} {forecast.Width}x{forecast.Height} overlaps plans {plans.X},{plans.Y} {plans.Width}x{plans.Height}");
        Assert.True(file.X + file.Width <= forecast.X + forecast.Width, "the file input sticks out of the forecast box");
    }

    [Fact]
    public async Task WhatIf_OwnForecastAndPlans_ComparesThem()
    {
        var page = await LoginPage.SignedInAsync(app, Manager);
        var whatIf = new WhatIfPage(page);
        await whatIf.GoToAsync();

        await page.Locator("#forecast").FillAsync("09:00,100,3m\n09:30,140,3m\n10:00,120,3m");
        await page.Locator("#plans").FillAsync("14\nLean: 8 10 8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare the plans" }).ClickAsync();

        await Expect(whatIf.Sentence(0)).ToHaveTextAsync(new Regex(@"^With 14 agents, a caller at 09:30 waits "));
        await Expect(whatIf.Sentence(1)).ToHaveTextAsync(new Regex(@"^With the plan “Lean”, a caller at 09:30 waits "));
        await Expect(whatIf.Charts.First.Locator("table tbody th[scope=row]")).ToHaveTextAsync(["09:00", "09:30", "10:00"]);
    }

    [Fact]
    public async Task WhatIf_UploadedForecastFile_IsComparedAndKeptInTheForm()
    {
        var page = await LoginPage.SignedInAsync(app, Manager);
        var whatIf = new WhatIfPage(page);
        await whatIf.GoToAsync();

        await page.Locator("#forecast-file").SetInputFilesAsync(new FilePayload
        {
            Name = "day.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("Intervall;Samtal;AHT\n08:00;50;3m\n08:15;60,5;3m\n"),
        });
        await page.Locator("#plans").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare the plans" }).ClickAsync();

        await Expect(whatIf.Sentence(0)).ToHaveTextAsync(new Regex(@"^With 10 agents, a caller at 08:15 waits "));
        await Expect(page.Locator("#forecast")).ToHaveValueAsync(new Regex("08:15;60,5;3m"));
    }

    [Fact]
    public async Task WhatIf_ForAnAgent_IsDenied()
    {
        var page = await LoginPage.SignedInAsync(app, Agent);

        await page.GotoAsync("/staffing");

        await Expect(page).ToHaveURLAsync(new Regex("/account/access-denied"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Staffing" })).ToHaveCountAsync(0);
    }

    private static Regex FortyAgentsInEnglish() =>
        new(@"^With 40 agents, a caller at 10:00 waits about 2[1-5] minutes; (2[89]|3[0-4])% hang up\.$");

    private static Regex EightyAgentsInEnglish() =>
        new(@"^With 80 agents, a caller at 10:00 waits (less than a second|about \d+ seconds?); 0(\.\d)?% hang up\.$");

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.Empty(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
    }
}

public sealed class WhatIfTestsOnSqlite(SqliteBrowserApp app) : WhatIfTests(app);

public sealed class WhatIfTestsOnPostgres(PostgresBrowserApp app) : WhatIfTests(app);
