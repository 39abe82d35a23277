using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Moment.Application.Cases;
using Moment.Application.Staff;
using Moment.Web.Security;

namespace Moment.Web.Realtime;

/// <summary>
/// The live connection of a signed-in member of staff's browser (<c>live.js</c>): news reaches people, not pages. Each
/// connection joins its person's group, so every open tab of theirs hears what they are told. A team's news is addressed
/// to its members one by one (<see cref="Application.Feed.WhoIsTold"/> resolves them when the news goes out), so that
/// someone who changes team meanwhile is not told the old team's news. With Redis configured (<c>Web/ScaleOut</c>) a group
/// spans every instance: news sent by the instance that runs the feed reaches a browser connected to any other.
/// <para>
/// The same connection says who else is on a case (<see cref="Here"/>): a page that shows a case joins the case's group
/// and tells the others there; those who hear it for the first time answer, so the newcomer learns who was there first.
/// Nothing of it is stored: it is what the open pages say of themselves, and a closed page says it is gone.
/// </para>
/// </summary>
[Authorize]
public sealed class LiveHub(StaffCards cards) : Hub
{
    public const string Path = "/live";

    /// <summary>The message a browser receives: the kind of news and the case number.</summary>
    public const string NewsMethod = "news";

    /// <summary>Someone has a case open (or is writing on it): <see cref="OnTheCase"/>.</summary>
    public const string PresenceMethod = "presence";

    /// <summary>A page that showed a case is closed or shows something else: <see cref="OffTheCase"/>.</summary>
    public const string GoneMethod = "gone";

    private const string CaseItem = "case";
    private const string PageItem = "page";

    public static string GroupOf(Guid userId) => $"user:{userId}";

    public static string GroupOfCase(string number) => $"case:{number}";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(Me()));
        await base.OnConnectedAsync();
    }

    /// <summary>
    /// This page shows case <paramref name="number"/>; <paramref name="writing"/> while its reader types in one of its
    /// forms. <paramref name="answer"/> is true for the reply to someone who just came, which is not answered again.
    /// The name said is the one on the staff card, never one the browser gives.
    /// </summary>
    public async Task Here(string number, bool writing, bool answer)
    {
        number = CaseNumbers.Normalize(number ?? "");
        if (number.Length is 0 or > CaseNumbers.MaxLength)
            throw new HubException("Not a case number.");
        if (await cards.FindAsync(Me(), Context.ConnectionAborted) is not { IsActive: true } card)
            return;
        if (Context.Items[CaseItem] is string before && before != number)
            await LeaveAsync(before);
        if (Context.Items[CaseItem] is null)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupOfCase(number));
            Context.Items[CaseItem] = number;
        }
        await Clients.OthersInGroup(GroupOfCase(number))
            .SendAsync(PresenceMethod, new OnTheCase(number, Page(), card.Id, card.DisplayName, writing, answer));
    }

    /// <summary>The page no longer shows the case (the person went on to another page in the same tab).</summary>
    public async Task Away()
    {
        if (Context.Items[CaseItem] is string number)
            await LeaveAsync(number);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items[CaseItem] is string number)
            await Clients.OthersInGroup(GroupOfCase(number)).SendAsync(GoneMethod, new OffTheCase(number, Page()));
        await base.OnDisconnectedAsync(exception);
    }

    private async Task LeaveAsync(string number)
    {
        Context.Items.Remove(CaseItem);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOfCase(number));
        await Clients.Group(GroupOfCase(number)).SendAsync(GoneMethod, new OffTheCase(number, Page()));
    }

    /// <summary>An id of this open page for the others on the case: a random one, not the connection's own id.</summary>
    private string Page() => (string)(Context.Items[PageItem] ??= Guid.NewGuid().ToString("N"));

    private Guid Me() => (Context.User ?? throw new HubException("Not signed in.")).StaffId();
}

/// <summary>What a browser is told: <paramref name="Kind"/> is a timeline entry kind (the notice's text is chosen by it).</summary>
public sealed record LiveNews(string Kind, string Number);

/// <summary>
/// Someone on a case: <paramref name="Page"/> tells one open page from another (two tabs of one person are two pages),
/// <paramref name="StaffId"/> lets a page leave out its own reader's other tabs.
/// </summary>
public sealed record OnTheCase(string Number, string Page, Guid StaffId, string Name, bool Writing, bool Answer);

/// <summary>An open page of a case is closed, or shows something else now.</summary>
public sealed record OffTheCase(string Number, string Page);
