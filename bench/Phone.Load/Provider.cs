using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Moment.Bench.Phone;

/// <summary>Whether a call's webhooks are sent once, or twice as a provider retrying: both at once, or the second after the first's answer.</summary>
internal enum Retry
{
    None,
    AtOnce,
    After,
}

/// <summary>One webhook answered: its status, its body and, for TwiML, the document.</summary>
internal sealed record WebhookAnswer(int Status, string Body, TwiML? TwiML);

/// <summary>
/// The provider's side of the webhooks: each request signed exactly as Twilio signs (HMAC-SHA1 under the auth token of the
/// full URL followed by every form field's name and value, sorted by name, in base64), posted, and timed from sending to
/// the whole answer read. A share of calls may have each webhook sent twice, as a provider's retry would.
/// </summary>
internal sealed class Provider(HttpClient http, Uri appBase, string authToken, Recorder recorder)
{
    public const string Webhooks = "/api/phone/twilio";

    public Uri AppBase => appBase;

    /// <summary>
    /// Posts a webhook (a path and query under the app, as the TwiML links it) and checks the answer with
    /// <paramref name="expected"/>, which says what is wrong or null; sent twice as <paramref name="retry"/> says, the
    /// first copy's answer returned (both copies are timed and checked).
    /// </summary>
    public Task<WebhookAnswer?> PostAsync(string kind, string pathAndQuery, IReadOnlyDictionary<string, string> form, Retry retry, Func<WebhookAnswer, string?> expected) =>
        PostAsync(_ => kind, pathAndQuery, form, retry, expected);

    /// <summary>As above, the step's name taken from its answer (a round of waiting that turns out to dial).</summary>
    public async Task<WebhookAnswer?> PostAsync(Func<WebhookAnswer?, string> kindOf, string pathAndQuery, IReadOnlyDictionary<string, string> form, Retry retry, Func<WebhookAnswer, string?> expected)
    {
        var url = new Uri(appBase, pathAndQuery).AbsoluteUri;
        switch (retry)
        {
            case Retry.AtOnce:
                var both = await Task.WhenAll(OnceAsync(kindOf, "", url, form, expected), OnceAsync(kindOf, " (again at once)", url, form, expected));
                return both[0];
            case Retry.After:
                var first = await OnceAsync(kindOf, "", url, form, expected);
                await OnceAsync(kindOf, " (again after)", url, form, expected);
                return first;
            default:
                return await OnceAsync(kindOf, "", url, form, expected);
        }
    }

    private async Task<WebhookAnswer?> OnceAsync(Func<WebhookAnswer?, string> kindOf, string copy, string url, IReadOnlyDictionary<string, string> form, Func<WebhookAnswer, string?> expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", Sign(url, form));
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var ms = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            var answer = new WebhookAnswer((int)response.StatusCode, body, body.StartsWith("<?xml", StringComparison.Ordinal) ? new TwiML(XDocument.Parse(body)) : null);
            var kind = kindOf(answer) + copy;
            var wrong = answer.Status is < 200 or > 299 ? $"{answer.Status}: {Short(body)}" : expected(answer);
            recorder.Add(kind, ms, wrong is null ? null : $"{kind}: {wrong}");
            return answer;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or System.Xml.XmlException)
        {
            var kind = kindOf(null) + copy;
            recorder.Add(kind, Stopwatch.GetElapsedTime(sent).TotalMilliseconds, $"{kind}: {error.GetBaseException().Message}");
            return null;
        }
    }

    private string Sign(string url, IReadOnlyDictionary<string, string> form)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(f => f.Key, StringComparer.Ordinal))
            data.Append(name).Append(value);
#pragma warning disable CA5350 // Twilio's signature is HMAC-SHA1: the driver must sign as Twilio does.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    private static string Short(string text) => text.Length <= 200 ? text : text[..200] + "…";
}

/// <summary>A TwiML answer as the provider reads it: what is said, the key it listens for and where to, the next link, a dial, a hang-up.</summary>
internal sealed class TwiML(XDocument document)
{
    private XElement Root => document.Root ?? throw new InvalidOperationException("Empty TwiML.");

    /// <summary>Everything said, in order, in the gather too.</summary>
    public string Said => string.Join(' ', Root.Descendants("Say").Select(s => s.Value));

    /// <summary>Where the key pressed is posted (the gather's action), when the answer listens for one.</summary>
    public string? GatherAction => Root.Elements("Gather").FirstOrDefault()?.Attribute("action")?.Value;

    /// <summary>Where the provider goes when nothing is pressed or said: the redirect after everything else.</summary>
    public string? Redirect => Root.Elements("Redirect").LastOrDefault()?.Value.Trim();

    public string? Dial => Root.Elements("Dial").FirstOrDefault()?.Value.Trim();

    public bool HangsUp => Root.Elements("Hangup").Any();

    public override string ToString() => Root.ToString(SaveOptions.DisableFormatting);
}
