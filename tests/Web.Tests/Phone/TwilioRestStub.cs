using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Moment.Web.Tests.Phone;

/// <summary>One request the stub was asked: the path (which call, or Calls.json for a new one) and the form fields.</summary>
public sealed record RestRequest(string Path, IReadOnlyDictionary<string, string> Form);

/// <summary>
/// Twilio's REST API on loopback, as far as Moment uses it: it records every request and answers as Twilio does (a new
/// call's SID for Calls.json, the call for an update). Moment's REST address (<c>Phone:Twilio:RestBaseUrl</c>) points here.
/// </summary>
public sealed class TwilioRestStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _placed;

    private TwilioRestStub(WebApplication app) => _app = app;

    public ConcurrentQueue<RestRequest> Requests { get; } = new();

    public Uri BaseUrl => new(_app.Urls.First());

    /// <summary>Which requests the stub answers with 503, as Twilio does when it is having a bad day.</summary>
    public Func<RestRequest, bool> Fails { get; set; } = _ => false;

    public static async Task<TwilioRestStub> StartAsync()
    {
        // Not the app's Production settings, which the test folder holds too (they allow only the host "localhost").
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Stub" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new TwilioRestStub(app);
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var path = request.Path.Value ?? "";
            var asked = new RestRequest(path, form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal));
            stub.Requests.Enqueue(asked);
            if (stub.Fails(asked))
                return Results.Json(new { code = 20500, message = "Service unavailable", status = 503 }, statusCode: 503);
            var sid = path.EndsWith("/Calls.json", StringComparison.Ordinal)
                ? $"CAoutbound{Interlocked.Increment(ref stub._placed):D24}"
                : path[(path.LastIndexOf('/') + 1)..].Replace(".json", "", StringComparison.Ordinal);
            return Results.Json(new { sid, status = "queued" }, statusCode: path.EndsWith("/Calls.json", StringComparison.Ordinal) ? 201 : 200);
        });
        await app.StartAsync();
        return stub;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
