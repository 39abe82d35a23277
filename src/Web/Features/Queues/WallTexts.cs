using System.Globalization;
using Microsoft.Extensions.Localization;
using Moment.Domain.Cases;
using Moment.Domain.Queues;

namespace Moment.Web.Features.Queues;

/// <summary>How the wall and the queue settings say times, shares and states: short, read from across a room.</summary>
internal static class WallTexts
{
    /// <summary>A wait so far as minutes and seconds ("12:05"), hours first past the hour ("1:02:05").</summary>
    public static string Clock(TimeSpan wait)
    {
        var whole = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        return whole.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)whole.TotalHours}:{whole.Minutes:00}:{whole.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)whole.TotalMinutes}:{whole.Seconds:00}");
    }

    public static string Range(IStringLocalizer L, TimeSpan? from, TimeSpan? to) =>
        from is { } f && to is { } t ? L["{0}–{1} min", (int)f.TotalMinutes, (int)t.TotalMinutes] : L["no range shown"];

    public static string Share(double? share) => share is { } s ? s.ToString("P0", CultureInfo.CurrentCulture) : "–";

    public static string Wait(TimeSpan? wait) => wait is { } w ? Clock(w) : "–";

    public static string PresenceName(Presence state) => state switch
    {
        Presence.Available => "Available",
        Presence.Busy => "Busy",
        Presence.Away => "Away",
        Presence.WrapUp => "Wrap-up",
    };

    /// <summary>How the customer is to be answered: in the chat while they wait, or as the callback they asked for.</summary>
    public static string HowName(Door door, CallbackWay? callback) => callback switch
    {
        CallbackWay.Phone => "Call back",
        CallbackWay.WriteHere => "Write back",
        null => door == Door.Phone ? "Phone" : "Chat",
    };

    public static string RoutingName(RoutingRule rule) => rule switch
    {
        RoutingRule.LongestIdle => "Longest idle",
        RoutingRule.RoundRobin => "Round robin",
    };
}
