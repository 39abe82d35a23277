using System.Text.RegularExpressions;

namespace Moment.Bench.Phone;

/// <summary>
/// How one simulated caller behaves: the key at the greeting, a callback or a person, whether the provider fails when
/// Moment asks it to put this call through (so the caller's next round of waiting must dial the agent), and whether the
/// provider sends each of this call's webhooks twice.
/// </summary>
internal sealed record CallPlan(bool PressZeroAtGreeting, bool WantsCallback, bool ProviderFails, Retry Retry);

/// <summary>
/// How the provider paces a call (compressed): calls come within a start window, each answer is played for about the
/// gap (0.5–1.5 times) before the next webhook, a waiting caller's announcement and pause take the announcement time, and
/// a call put through lasts the talk time.
/// </summary>
internal sealed record Pacing(TimeSpan StartSpread, TimeSpan Gap, TimeSpan Announcement, TimeSpan Talk);

/// <summary>
/// One call as Twilio would drive it: the webhook that the call came in, then every next step by following the links in
/// Moment's TwiML (a key posted to the gather's action; nothing pressed: the redirect after it), and the status callback
/// when it ends. First part: greeting, the line, two announcements, then a callback (1) or staying on. Second part, for
/// those who stay: a round every announcement until a person takes the call. Moment then asks the provider (REST) to
/// put the call through, and the provider plays that (no webhook) until the call ends; if the provider failed that
/// request, the caller's next round answers with the dial instead.
/// </summary>
internal sealed partial class Caller(Provider provider, string callSid, string from, string to, CallPlan plan, Pacing pacing, Random random)
{
    private readonly TaskCompletionSource<string> _bridged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _next;

    // When Moment last answered this caller's round of waiting: the caller's own rhythm of rounds keeps to it.
    private DateTime _lastRound;

    public string CallSid => callSid;

    public string From => from;

    public CallPlan Plan => plan;

    /// <summary>Done when the call's final status was posted (for a caller who stayed: after talking to the agent).</summary>
    public Task Ended => _ended.Task;

    public bool RangeHeard { get; private set; }

    /// <summary>How the call reached a person: "rest" (Moment's redirect), "wait" (a round's dial), "callback", or null.</summary>
    public string? PutThrough { get; private set; }

    /// <summary>Moment asked the provider (REST) to put this call through to the agent with this phone, and it did.</summary>
    public void Bridge(string agentPhone) => _bridged.TrySetResult(agentPhone);

    public void CalledBack() => PutThrough = "callback";

    /// <summary>Greeting, the line, two announcements; then 1 and the call ends, or the caller stays on. False when a step went wrong.</summary>
    public async Task<bool> EnterAsync()
    {
        var greeting = await PostAsync("voice", $"{Provider.Webhooks}/voice", null, a =>
            a.TwiML is { GatherAction: { } action, Redirect: { } next } t && action.Contains("at=greeting", StringComparison.Ordinal)
                && next.EndsWith("/wait?turn=1", StringComparison.Ordinal) && t.Said.Contains("Välkommen", StringComparison.Ordinal)
                ? null : $"not the greeting: {a.TwiML}");
        if (greeting?.TwiML is not { } g)
            return false;
        _next = g.Redirect;
        await GapAsync();
        if (plan.PressZeroAtGreeting)
        {
            var zero = await PostAsync("gather greeting (0)", g.GatherAction!, "0", a =>
                a.TwiML is { GatherAction: null, Redirect: { } next } && next.EndsWith("/wait?turn=1", StringComparison.Ordinal) ? null : $"not to the line: {a.TwiML}");
            if (zero?.TwiML is not { } z)
                return false;
            _next = z.Redirect;
        }

        for (var turn = 1; turn <= 2; turn++)
        {
            string? wrong = null;
            var round = await PostAsync($"wait {turn}", _next!, null, a => wrong = Announced(a, turn));
            if (round?.TwiML is not { } r || wrong is not null)
                return false;
            _next = r.Redirect;
            _lastRound = DateTime.UtcNow;
            await GapAsync();
            if (turn == 2 && plan.WantsCallback)
            {
                // 1, then Moment asks which number; the caller keys none, and the provider posts the empty answer to the
                // redirect after the gather: the number called from.
                var one = await PostAsync("gather wait (1)", r.GatherAction!, "1", a =>
                    a.TwiML is { GatherAction: { } action, Redirect: { } then } && action.Contains("at=callback", StringComparison.Ordinal)
                        && then.Contains("at=callback", StringComparison.Ordinal) ? null : $"not asked which number: {a.TwiML}");
                if (one?.TwiML is not { } asked)
                    return false;
                await GapAsync();
                var kept = await PostAsync("gather callback (none)", asked.Redirect!, null, a =>
                    a.TwiML is { HangsUp: true } t && t.Said.Contains("Vi ringer upp dig", StringComparison.Ordinal) ? null : $"no callback promised: {a.TwiML}");
                if (kept is null)
                    return false;
                await GapAsync();
                await EndAsync("status (callback kept)");
                return true;
            }
        }

        return true;
    }

    /// <summary>A caller who stays on: a round every announcement until a person takes the call, then the talk and the end.</summary>
    public async Task StayAsync(TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline && _next is not null)
        {
            // The provider plays the announcement and its pause; Moment's REST request to put the call through cuts it short.
            // Each call keeps its own rhythm from its last round, as on a real line: the callers' rounds stay spread as
            // their calls came, and are not lined up by the driver's pause to count after the first part.
            await Task.WhenAny(_bridged.Task, Task.Delay(UntilNextRound()));
            if (_bridged.Task.IsCompleted)
            {
                PutThrough ??= "rest";
                await Task.Delay(pacing.Talk);
                await EndAsync("status (answered)");
                return;
            }

            var turn = TurnOf(_next);
            var answer = await provider.PostAsync(a => a?.TwiML?.Dial is null ? "wait (in line)" : "wait (dial)", _next, Form(null), plan.Retry, a => a.TwiML switch
            {
                { Dial: { } } => null,
                { GatherAction: not null } => Announced(a, turn),
                { Redirect: not null } => null,
                _ => $"neither a place nor a dial: {a.TwiML}",
            });
            if (answer?.TwiML is not { } t)
                break;
            if (t.Dial is not null)
            {
                PutThrough ??= "wait";
                await Task.Delay(pacing.Talk);
                await EndAsync("status (answered)");
                return;
            }

            _next = t.Redirect;
            _lastRound = DateTime.UtcNow;
        }

        // Not put through in time (or a step failed): the caller hangs up; the driver counts the call as not served.
        await EndAsync("status (gave up)");
    }

    /// <summary>The wait until the next round of this call's rhythm: a whole number of announcements after its last round.</summary>
    private TimeSpan UntilNextRound()
    {
        if (pacing.Announcement <= TimeSpan.Zero)
            return TimeSpan.Zero;
        var since = DateTime.UtcNow - _lastRound;
        var rounds = Math.Max(1, (long)Math.Ceiling(since / pacing.Announcement));
        return pacing.Announcement * rounds - since;
    }

    private string? Announced(WebhookAnswer answer, int turn)
    {
        if (answer.TwiML is not { GatherAction: { } action, Redirect: { } next } t
            || !action.EndsWith($"at=wait&turn={turn}", StringComparison.Ordinal) || !next.EndsWith($"/wait?turn={turn + 1}", StringComparison.Ordinal))
            return $"not round {turn} of the wait: {answer.TwiML}";
        var place = PlaceSaid().Match(t.Said);
        if (!place.Success)
            return $"no place said in round {turn}: {t.Said}";
        RangeHeard |= t.Said.Contains("Väntetiden är", StringComparison.Ordinal);
        return null;
    }

    private async Task EndAsync(string kind)
    {
        var form = Form(null);
        form["CallStatus"] = "completed";
        form["CallDuration"] = "42";
        await provider.PostAsync(kind, $"{Provider.Webhooks}/status", form, plan.Retry, a => a.Status == 204 && a.Body.Length == 0 ? null : $"status answered {a.Status}: {a.Body}");
        _ended.TrySetResult();
    }

    private Task<WebhookAnswer?> PostAsync(string kind, string link, string? digits, Func<WebhookAnswer, string?> expected) =>
        provider.PostAsync(kind, link, Form(digits), plan.Retry, expected);

    /// <summary>The fields Twilio posts with every step of an inbound call.</summary>
    private Dictionary<string, string> Form(string? digits)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccountSid"] = LoadDriver.AccountSid,
            ["ApiVersion"] = "2010-04-01",
            ["CallSid"] = callSid,
            ["CallStatus"] = "in-progress",
            ["Called"] = to,
            ["Caller"] = from,
            ["Direction"] = "inbound",
            ["From"] = from,
            ["To"] = to,
        };
        if (digits is not null)
        {
            form["Digits"] = digits;
            form["FinishedOnKey"] = "";
        }

        return form;
    }

    private Task GapAsync()
    {
        if (pacing.Gap <= TimeSpan.Zero)
            return Task.CompletedTask;
        double factor;
        lock (random)
            factor = 0.5 + random.NextDouble();
        return Task.Delay(pacing.Gap * factor);
    }

    private static int TurnOf(string link) => int.Parse(link[(link.LastIndexOf('=') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("Du är nummer (\\d+) i kön\\.")]
    private static partial Regex PlaceSaid();
}
