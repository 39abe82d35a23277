using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Moment.Bench.Phone;

/// <summary>
/// What Moment asked Twilio's REST API when an agent accepted: a live call sent on to a dial (Calls update) or a callback
/// placed (Calls create, with the address its status is to be posted to).
/// </summary>
internal sealed record RestAsk(string CallSid, bool Placed, string? To, string? StatusCallback);

/// <summary>
/// Twilio's REST API on loopback, as far as Moment uses it (as in the web tests' stub): Calls update answers the call,
/// Calls create a new call's SID. Each request is filed under the agent's phone the TwiML dials, for the agent who just
/// accepted; a live call's update also tells the simulated caller that the provider now dials the agent.
/// </summary>
internal sealed class TwilioRestStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RestAsk> _byAgentPhone = new(StringComparer.Ordinal);
    private int _placed;

    private TwilioRestStub(WebApplication app) => _app = app;

    public Uri BaseUrl => new(_app.Urls.First());

    /// <summary>Calls whose update the stub answers with 503, as Twilio does on a bad day: Moment tries three times, then gives up.</summary>
    public Func<string, bool> Fails { get; set; } = _ => false;

    /// <summary>Called with (call SID, the agent's phone) when Moment redirects a live call to a dial.</summary>
    public Action<string, string>? Redirected { get; set; }

    public int Updates;

    public int Creates;

    public static async Task<TwilioRestStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Stub" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new TwilioRestStub(app);
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var path = request.Path.Value ?? "";
            var dialled = DialOf(form["Twiml"].ToString());
            if (path.EndsWith("/Calls.json", StringComparison.Ordinal))
            {
                var sid = $"CAout{Interlocked.Increment(ref stub._placed):D27}";
                Interlocked.Increment(ref stub.Creates);
                if (dialled is not null)
                    stub._byAgentPhone[dialled] = new RestAsk(sid, true, form["To"].ToString(), form["StatusCallback"].ToString());
                return Results.Json(new { sid, status = "queued" }, statusCode: 201);
            }

            var callSid = path[(path.LastIndexOf('/') + 1)..].Replace(".json", "", StringComparison.Ordinal);
            Interlocked.Increment(ref stub.Updates);
            if (dialled is not null)
                stub._byAgentPhone[dialled] = new RestAsk(callSid, false, null, null);
            if (stub.Fails(callSid))
                return Results.Json(new { code = 20500, message = "Service unavailable", status = 503 }, statusCode: 503);
            // Twilio plays the new TwiML once it has answered the update, not before.
            if (dialled is not null)
                request.HttpContext.Response.OnCompleted(() =>
                {
                    stub.Redirected?.Invoke(callSid, dialled);
                    return Task.CompletedTask;
                });

            return Results.Json(new { sid = callSid, status = "in-progress" });
        });
        await app.StartAsync();
        return stub;
    }

    /// <summary>What Moment last asked for the agent with this phone, taken once.</summary>
    public RestAsk? TakeFor(string agentPhone) => _byAgentPhone.TryRemove(agentPhone, out var ask) ? ask : null;

    private static string? DialOf(string twiml) =>
        twiml.Length == 0 ? null : XDocument.Parse(twiml).Descendants("Dial").FirstOrDefault()?.Value.Trim();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
