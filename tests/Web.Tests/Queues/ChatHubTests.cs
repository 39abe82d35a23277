using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Moment.TestSupport;
using Moment.Web.Features.Queues;

namespace Moment.Web.Tests.Queues;

/// <summary>
/// The widget's live connection: a customer who follows their chat is told their new place when someone ahead leaves,
/// that a person answered and what they wrote, without asking; an unknown token follows nothing. Nothing here polls:
/// the test's clock stands still, so every message heard was pushed by a change. The queue's measures reach /metrics.
/// </summary>
public abstract class ChatHubTests(MomentApp app) : QueueSteps(app)
{
    [Fact]
    public async Task CustomersFollowingTheirChat_HearTheirNewPlace_ThePersonWhoAnswers_AndWhatTheyWrite()
    {
        var (queue, skill) = await NewQueueAsync();
        using var lina = await AgentReadyAsync(Lina, skill, chatCapacity: 1);
        using var customer = App.CreateClient();
        var tokens = new List<string>();
        foreach (var name in new[] { "Anna Först", "Bertil Andra", "Cecilia Tredje" })
            tokens.Add((await StartAsync(customer, queue, name, "Min router blinkar rött.")).GetProperty("token").GetString()!);

        var heard = new[] { new Heard(), new Heard(), new Heard() };
        var connections = new List<HubConnection>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var (connection, standing) = await FollowAsync(tokens[i], heard[i]);
                connections.Add(connection);
                Assert.Equal(("waiting", i + 1), (standing.GetProperty("state").GetString(), standing.GetProperty("position").GetInt32()));
                Assert.Equal("Min router blinkar rött.", Assert.Single(standing.GetProperty("messages").EnumerateArray()).GetProperty("text").GetString());
            }

            using (var left = await customer.PostAsync($"/api/public/chat/{tokens[0]}/leave", null, Ct))
                Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
            Assert.Equal(1, (await heard[1].NextAsync(ChatHub.PlaceMethod)).GetProperty("position").GetInt32());
            var third = await heard[2].NextAsync(ChatHub.PlaceMethod);
            Assert.Equal(2, third.GetProperty("position").GetInt32());
            Assert.True(third.GetProperty("waitTo").GetString() is { Length: > 0 }, "A range while Lina serves the queue.");

            await RouteAsync();
            await AcceptOnlyOfferAsync(lina, "Bertil Andra");
            var answered = await heard[1].NextAsync(ChatHub.StandingMethod);
            Assert.Equal(("answered", "Lina"), (answered.GetProperty("state").GetString(), answered.GetProperty("agentName").GetString()));
            Assert.Equal(1, (await heard[2].NextAsync(ChatHub.PlaceMethod)).GetProperty("position").GetInt32());

            var conversation = (await DeskAsync(lina)).GetProperty("held").EnumerateArray()
                .Single(h => h.GetProperty("customerName").GetString() == "Bertil Andra").GetProperty("conversationId").GetGuid();
            using (var reply = await lina.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { direction = "outbound", text = "Hej Bertil!" }, Ct))
                Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
            var written = await heard[1].NextAsync(ChatHub.StandingMethod, s => s.GetProperty("messages").GetArrayLength() > 0);
            var message = Assert.Single(written.GetProperty("messages").EnumerateArray());
            Assert.Equal(("person", "Lina", "Hej Bertil!"), (message.GetProperty("author").GetString(), message.GetProperty("authorName").GetString(), message.GetProperty("text").GetString()));

            // What operations see of it: the offer taken, Bertil's wait answered and Anna's ended by leaving.
            var scraped = await App.CreateClient().GetStringAsync("/metrics", Ct);
            var ofQueue = $"queue=\"{queue}\"";
            Assert.Matches($$"""moment_queue_offers_total\{(?=[^}]*outcome="offered")(?=[^}]*{{ofQueue}})[^}]*\} [1-9]""", scraped);
            Assert.Matches($$"""moment_queue_offers_total\{(?=[^}]*outcome="accepted")(?=[^}]*{{ofQueue}})[^}]*\} [1-9]""", scraped);
            Assert.Matches($$"""moment_queue_wait_seconds_count\{(?=[^}]*outcome="answered")(?=[^}]*{{ofQueue}})[^}]*\} [1-9]""", scraped);
            Assert.Matches($$"""moment_queue_wait_seconds_count\{(?=[^}]*outcome="left")(?=[^}]*{{ofQueue}})[^}]*\} [1-9]""", scraped);
        }
        finally
        {
            foreach (var connection in connections)
                await connection.DisposeAsync();
            await SetPresenceAsync(lina, "away");
        }
    }

    [Fact]
    public async Task AnUnknownToken_FollowsNothing()
    {
        await using var connection = Build();
        await connection.StartAsync(Ct);

        var standing = await connection.InvokeAsync<JsonElement?>("Follow", "not-a-token-anyone-was-given", Ct);

        Assert.Equal(JsonValueKind.Null, standing?.ValueKind ?? JsonValueKind.Null);
    }

    private async Task<(HubConnection Connection, JsonElement Standing)> FollowAsync(string token, Heard heard)
    {
        var connection = Build();
        connection.On<JsonElement>(ChatHub.PlaceMethod, place => heard.Add(ChatHub.PlaceMethod, place));
        connection.On<JsonElement>(ChatHub.StandingMethod, standing => heard.Add(ChatHub.StandingMethod, standing));
        await connection.StartAsync(Ct);
        return (connection, await connection.InvokeAsync<JsonElement>("Follow", token, Ct));
    }

    /// <summary>Long polling: the test server speaks plain HTTP through its handler. No token in the address, no cookie.</summary>
    private HubConnection Build() => new HubConnectionBuilder()
        .WithUrl(new Uri(App.Server.BaseAddress, ChatHub.Path.TrimStart('/')), options =>
        {
            options.Transports = HttpTransportType.LongPolling;
            options.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
        })
        .Build();

    /// <summary>What one connection was told, in order.</summary>
    private sealed class Heard
    {
        private readonly Channel<(string Method, JsonElement Body)> _told = Channel.CreateUnbounded<(string, JsonElement)>();

        public void Add(string method, JsonElement body) => _told.Writer.TryWrite((method, body.Clone()));

        /// <summary>The next message of <paramref name="method"/> (that matches), skipping others; fails after 30 s.</summary>
        public async Task<JsonElement> NextAsync(string method, Func<JsonElement, bool>? matches = null)
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            patience.CancelAfter(TimeSpan.FromSeconds(30));
            while (true)
            {
                var (told, body) = await _told.Reader.ReadAsync(patience.Token);
                if (told == method && (matches is null || matches(body)))
                    return body;
            }
        }
    }
}

public sealed class ChatHubTestsOnSqlite(SqliteQueueApp app) : ChatHubTests(app), IClassFixture<SqliteQueueApp>;

public sealed class ChatHubTestsOnPostgres(PostgresQueueApp app) : ChatHubTests(app), IClassFixture<PostgresQueueApp>;
