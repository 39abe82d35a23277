using System.Globalization;
using Microsoft.Extensions.Localization;
using Moment.Domain.Staffing;

namespace Moment.Web.Features.Staffing;

/// <summary>How the what-if speaks: plan names, waits and shares in plain words, in the reader's language and number format.</summary>
internal static class StaffingWords
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    /// <summary>A plan's name, or what it is: "40 agents", "Plan 3".</summary>
    public static string PlanLabel(this IStringLocalizer L, StaffingPlan plan, int index) =>
        plan.Name ?? (plan.IsConstant ? L["{0} agents", Whole(plan.AgentsPerInterval[0])] : L["Plan {0}", Whole(index + 1)]);

    /// <summary>"With 40 agents, a caller at 10:00 waits about 23 minutes; 31 % hang up." — at the forecast's busiest interval.</summary>
    public static string Summary(this IStringLocalizer L, WhatIfResult result, int index)
    {
        var plan = result.Plans[index];
        var busiest = result.Forecast.BusiestInterval;
        var at = plan.Intervals[busiest];
        var time = Time(result.Forecast.Intervals[busiest].Start);
        return plan.Plan is { Name: null, IsConstant: true }
            ? L["With {0} agents, a caller at {1} waits {2}; {3} hang up.", Whole(plan.Plan.AgentsPerInterval[0]), time, L.Wait(at.AverageWaitSeconds), Percent(at.AbandonmentRate)]
            : L["With the plan “{0}”, a caller at {1} waits {2}; {3} hang up.", L.PlanLabel(plan.Plan, index), time, L.Wait(at.AverageWaitSeconds), Percent(at.AbandonmentRate)];
    }

    /// <summary>"Over the whole day 99 % are answered within 20 s, and 12 of 7,146 callers hang up."</summary>
    public static string DaySummary(this IStringLocalizer L, WhatIfResult result, int index)
    {
        var day = result.Plans[index].Day;
        return L["Over the whole day {0} are answered within {1}, and {2} of {3} callers hang up.",
            Percent(day.ServiceLevel), ShortWait(result.Assumptions.AnswerWithin.TotalSeconds), Whole(day.Abandoned), Whole(day.Offered)];
    }

    /// <summary>A wait in words: "less than a second", "about 12 seconds", "about 23 minutes", "about 1.5 hours".</summary>
    public static string Wait(this IStringLocalizer L, double seconds) => seconds switch
    {
        < 0.5 => L["less than a second"],
        < 1.5 => L["about 1 second"],
        < 89.5 => L["about {0} seconds", Whole(seconds)],
        < 90 * 60 => Math.Round(seconds / 60) == 1 ? L["about 1 minute"] : L["about {0} minutes", Whole(seconds / 60)],
        _ => L["about {0} hours", (seconds / 3600).ToString("0.#", Culture)],
    };

    /// <summary>A wait for a table or an axis: "4 s", "23 min", "1.5 h".</summary>
    public static string ShortWait(double seconds) => seconds switch
    {
        < 10 => $"{seconds.ToString("0.#", Culture)} s",
        < 120 => $"{seconds.ToString("0", Culture)} s",
        < 2 * 3600 => $"{(seconds / 60).ToString(seconds < 600 ? "0.#" : "0", Culture)} min",
        _ => $"{(seconds / 3600).ToString("0.#", Culture)} h",
    };

    /// <summary>"31 %" in Swedish, "31%" in English; from 0.05 % to 1 % with a decimal, so that 0.4 % does not read as none.</summary>
    public static string Percent(double share) =>
        share.ToString(share is >= 0.0005 and < 0.01 ? "P1" : "P0", Culture);

    public static string Whole(double value) => Math.Round(value).ToString("N0", Culture);

    public static string Money(this IStringLocalizer L, decimal amount) => L["SEK {0}", Math.Round(amount).ToString("N0", Culture)];

    public static string Time(TimeOnly time) => time.ToString("HH:mm", Culture);
}
