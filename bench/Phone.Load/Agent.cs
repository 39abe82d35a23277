using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moment.Bench.Phone;

/// <summary>
/// An agent at the desk through the API with their own token: looks at the desk for an offer, accepts it, and holds the
/// call until it ends. A caller on the line ends it with the call's status callback after the dial; a callback is placed
/// by Moment through the REST stub, and the driver, as the provider, posts that outbound call's status when it is over.
/// </summary>
internal sealed class Agent(string name, HttpClient api, string phone, TwilioRestStub stub, Provider provider, Recorder recorder)
{
    public Task SetPresenceAsync(string state) => SendAsync(HttpMethod.Put, "/api/queue/presence", new { state });

    /// <summary>Takes offers until <paramref name="done"/>; <paramref name="callers"/> by call SID, to hold a live call until it ends.</summary>
    public async Task WorkAsync(IReadOnlyDictionary<string, Caller> callers, Action served, Task done, TimeSpan holdPatience, TimeSpan poll)
    {
        while (!done.IsCompleted)
        {
            var clock = Stopwatch.GetTimestamp();
            JsonElement desk;
            try
            {
                desk = await api.GetFromJsonAsync<JsonElement>("/api/queue/desk");
                recorder.AddApi("desk", Stopwatch.GetElapsedTime(clock).TotalMilliseconds);
            }
            catch (HttpRequestException error)
            {
                recorder.AddApi("desk", Stopwatch.GetElapsedTime(clock).TotalMilliseconds, $"{name}: desk {error.Message}");
                await Task.WhenAny(done, Task.Delay(200));
                continue;
            }

            // A contact still held here was not ended by its call's end (or its accept failed half-way): the agent ends it
            // by hand, as on the desk, and it is counted as served but reported.
            foreach (var held in desk.GetProperty("held").EnumerateArray())
            {
                var id = held.GetProperty("contactId").GetGuid();
                using var ended = await api.PostAsync(new Uri($"/api/queue/contacts/{id}/end", UriKind.Relative), null);
                recorder.AddApi("end by hand", 0,
                    $"{name}: still held a {(held.GetProperty("callback").ValueKind == JsonValueKind.Null ? "live call" : "callback")} after it was over; ended by hand ({(int)ended.StatusCode})");
                served();
            }

            if (desk.GetProperty("offers").EnumerateArray().FirstOrDefault() is not { ValueKind: JsonValueKind.Object } offer)
            {
                await Task.WhenAny(done, Task.Delay(poll));
                continue;
            }

            var contactId = offer.GetProperty("contactId").GetGuid();
            var callback = offer.GetProperty("callback").ValueKind != JsonValueKind.Null;
            clock = Stopwatch.GetTimestamp();
            using var accepted = await api.PostAsJsonAsync($"/api/queue/offers/{contactId}/accept", new { });
            var body = await accepted.Content.ReadAsStringAsync();
            var ms = Stopwatch.GetElapsedTime(clock).TotalMilliseconds;
            // What Moment asked Twilio while accepting: the accept got that far even when it answered an error after.
            var asked = stub.TakeFor(phone);
            Caller? live = asked is { Placed: false } && callers.TryGetValue(asked.CallSid, out var found) ? found : null;
            // A call whose provider the stub makes fail is to be put through at the caller's next round, and the agent told so.
            var failing = live?.Plan.ProviderFails == true;
            if (!accepted.IsSuccessStatusCode)
            {
                var what = asked is null ? "nothing asked of Twilio" : asked.Placed ? "after the callback was placed" : failing ? "a live call whose provider failed" : "after the live call was put through";
                recorder.AddApi("accept", ms, $"{name}: accept answered {(int)accepted.StatusCode} ({what}): {Short(body)}");
                if (asked is null)
                    continue;
            }
            else
            {
                var problem = JsonDocument.Parse(body).RootElement.GetProperty("callProblem");
                recorder.AddApi("accept", ms, (problem.ValueKind == JsonValueKind.Null) != failing ? null : $"{name}: call problem {problem} (provider failing: {failing})");
            }

            if (callback)
            {
                if (asked is not { Placed: true, StatusCallback: { Length: > 0 } statusUrl, To: { } to })
                {
                    recorder.AddApi("accept", 0, $"{name}: a callback was accepted but no call was placed with Twilio");
                    continue;
                }

                // The customer answered the callback, talked to the agent and hung up: the provider posts the outbound call's status.
                var form = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["AccountSid"] = LoadDriver.AccountSid,
                    ["ApiVersion"] = "2010-04-01",
                    ["CallSid"] = asked.CallSid,
                    ["CallStatus"] = "completed",
                    ["CallDuration"] = "42",
                    ["Direction"] = "outbound-api",
                    ["From"] = LoadDriver.CallbackFrom,
                    ["To"] = to,
                };
                await provider.PostAsync("status (callback placed)", new Uri(statusUrl).PathAndQuery, form, Retry.None,
                    a => a.Status == 204 ? null : $"status answered {a.Status}");
                if (callers.Values.FirstOrDefault(c => c.From == to) is { } calledBack)
                    calledBack.CalledBack();
            }
            else if (live is { } caller)
            {
                if (await Task.WhenAny(caller.Ended, Task.Delay(holdPatience)) != caller.Ended)
                    recorder.AddApi("accept", 0, $"{name}: the call {caller.CallSid} did not end within {holdPatience.TotalSeconds:0} s of the dial");
            }
            else
            {
                recorder.AddApi("accept", 0, $"{name}: a live call was accepted but Moment did not ask Twilio to put it through");
                continue;
            }

            served();
        }
    }

    private static string Short(string text) => text.Length <= 120 ? text : text[..120] + "…";

    private async Task SendAsync(HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        using var response = await api.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{name}: {method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
