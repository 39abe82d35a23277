using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Data;
using Moment.Application.Queues;
using Moment.Application.Staff;
using Moment.Domain.Calendar;
using Moment.Domain.Teams;

namespace Moment.Browser.Tests.Queues;

/// <summary>
/// A team open around the clock with a queue of its own skill, given to the agents named: a test runs on the real clock
/// at any hour, and no other test's contact can reach those agents through it.
/// </summary>
internal static class OpenQueues
{
    /// <param name="app">The running app.</param>
    /// <param name="agents">Who serves the queue (email addresses).</param>
    /// <param name="chatCapacity">How many chats each agent may take at once.</param>
    /// <param name="bot">When given, the queue's bot answers first from these pairs.</param>
    /// <param name="name">The queue's name (a phone line's setting names it); else one of its own.</param>
    public static async Task<(Guid Queue, Guid Team, string Name)> NewAsync(
        BrowserApp app, string[] agents, int chatCapacity = 3, IReadOnlyList<BotAnswerView>? bot = null, string? name = null)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var team = Team.Create("Dygnet runt " + Guid.NewGuid().ToString("N")[..6]);
        team.ChangeCalendar(BusinessCalendarSettings.Swedish with
        {
            OpeningHours = [.. Enum.GetValues<DayOfWeek>().Select(day => new OpeningHours(day, TimeOnly.MinValue, TimeOnly.MaxValue))],
            ClosedOnPublicHolidays = false,
            ClosedOnDeFactoHolidays = false,
        });
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        var cards = scope.ServiceProvider.GetRequiredService<StaffCards>();
        var admin = Actor.Of((await cards.FindByEmailAsync("astrid.lind@moment.test", ct))!);
        var skill = "q" + Guid.NewGuid().ToString("N")[..10];
        name ??= "Kö " + skill;
        var queue = await scope.ServiceProvider.GetRequiredService<QueueSettings>().SaveAsync(
            null, new SaveQueueRequest(team.Id, name, skill, null, null, null, null, bot is not null), admin, ct);
        if (bot is not null)
            await scope.ServiceProvider.GetRequiredService<BotAnswers>().ReplaceAsync(queue.Id, bot, admin, ct);
        foreach (var email in agents)
        {
            var agent = (await cards.FindByEmailAsync(email, ct))!;
            await scope.ServiceProvider.GetRequiredService<EquipAgent>().HandleAsync(agent.Id, new EquipAgentRequest("sv, en, " + skill, chatCapacity), admin, ct);
        }

        return (queue.Id, team.Id, name);
    }
}
