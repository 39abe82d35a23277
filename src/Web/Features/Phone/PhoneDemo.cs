using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Numbers = Moment.Application.Customers.PhoneNumbers;

namespace Moment.Web.Features.Phone;

/// <summary>What the simulator page asks to send: a step of the call (a path under the Twilio webhooks) and its fields.</summary>
public sealed record PhoneDemoStep(string? Path, Dictionary<string, string>? Fields);

/// <summary>
/// <c>/demo/phone</c>, in demo mode only: a call to Moment's phone line played in the browser, so that <c>dotnet run</c>
/// lets a newcomer hear the queue by phone without a provider. The page (<c>wwwroot/phone/phone-demo.js</c>) plays
/// Twilio's part: each step goes through <c>/demo/phone/webhook</c>, which signs it with the configured auth token exactly
/// as Twilio signs (HMAC-SHA1 of the URL and the sorted fields) and posts it to Moment's own webhook, so the call passes
/// the same signature check, flow and TwiML as a real one. Off when demo mode is: it signs whatever it is given, which
/// only the provider may do.
/// </summary>
internal static class PhoneDemo
{
    public const string Path = "/demo/phone";

    /// <summary>The number the simulated caller rings when the page is not told one: the demo's customer service number.</summary>
    private const string FallbackNumber = "+46846500450";

    private static readonly HashSet<string> TwilioFields = new(["CallSid", "From", "To", "Digits", "CallStatus"], StringComparer.Ordinal);

    // One client for the app's life: the simulator posts to the app itself.
    private static readonly HttpClient Loopback = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public static void MapPhoneDemo(this IEndpointRouteBuilder app)
    {
        var demo = app.MapGroup(Path).AllowAnonymous().ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<IOptions<DemoMode>>().Value.Enabled
                ? await next(context)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "The phone simulator is there in demo mode only."));
        demo.MapGet("/", (string? lang, string? to, IConfiguration configuration) => Page(lang == "en", Numbers.TryNormalize(to)
            ?? Numbers.TryNormalize(configuration["Moment:CustomerServicePhone"]) ?? FallbackNumber));
        demo.MapPost("/webhook", async (PhoneDemoStep step, HttpRequest request, IOptions<TwilioSettings> settings, CancellationToken ct) =>
        {
            if (settings.Value.AuthToken is not { Length: > 0 } token)
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No auth token",
                    detail: "Set Phone:Twilio:AuthToken (Development has a demo one) so the simulator can sign its calls.");
            if (step.Path is not { Length: <= 200 } path || !path.StartsWith(TwilioCallAnswers.BasePath + "/", StringComparison.Ordinal)
                || path.Contains("..", StringComparison.Ordinal) || path.Contains("//", StringComparison.Ordinal)
                || step.Fields is not { Count: <= 5 } fields || fields.Any(f => !TwilioFields.Contains(f.Key) || f.Value.Length > 64))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a step of a call",
                    detail: "Send a path under /api/phone/twilio/ and the fields CallSid, From, To, Digits or CallStatus.");
            }

            var url = $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
            using var webhook = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
            webhook.Headers.Add(TwilioSignature.Header, Sign(token, url, fields));
            using var answer = await Loopback.SendAsync(webhook, ct);
            // The status callback's answer is 204: passed on as it is, for a 204 may carry no body, not even an empty one.
            if (answer.StatusCode == HttpStatusCode.NoContent)
                return Results.NoContent();
            return Results.Content(await answer.Content.ReadAsStringAsync(ct), answer.Content.Headers.ContentType?.ToString(), Encoding.UTF8, (int)answer.StatusCode);
        });
    }

    /// <summary>Twilio's signature: HMAC-SHA1 under the auth token of the URL followed by each field's name and value, sorted by name.</summary>
    private static string Sign(string authToken, string url, IReadOnlyDictionary<string, string> fields)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            data.Append(name).Append(value);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    private static IResult Page(bool english, string to)
    {
        string T(string sv, string en) => WebUtility.HtmlEncode(english ? en : sv);
        var dialled = Numbers.Display(to);
        return Results.Content($"""
            <!DOCTYPE html>
            <html lang="{(english ? "en" : "sv")}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{T("Telefonsimulator – ring kundservice", "Phone simulator – call customer service")}</title>
            <link rel="stylesheet" href="/phone/phone-demo.css"></head>
            <body>
            <main id="phone-demo" data-to="{WebUtility.HtmlEncode(to)}" data-lang="{(english ? "en-GB" : "sv-SE")}"
                  data-listening="{T("Tryck på en knapp …", "Press a key …")}" data-calling="{T("Ringer …", "Calling …")}"
                  data-ended="{T("Samtalet är slut.", "The call has ended.")}" data-connected="{T("Du kopplas till {0}.", "You are put through to {0}.")}"
                  data-failed="{T("Samtalet kunde inte kopplas ({0}).", "The call could not be connected ({0}).")}">
            <h1>{T("Ring kundservice", "Call customer service")}</h1>
            <p>{T($"En simulator av telefonkön: den ringer {dialled} och skickar samma signerade webhooks som telefonileverantören (Twilio) skulle skicka, och läser upp svaren med webbläsarens talsyntes.",
                $"A simulator of the phone line: it calls {dialled}, sends the same signed webhooks the telephony provider (Twilio) would send, and speaks the answers with the browser's speech synthesis.")}</p>
            <form id="call-form">
            <label for="from">{T("Ditt nummer", "Your number")}</label>
            <input id="from" name="from" dir="ltr" inputmode="tel" autocomplete="tel" maxlength="32" value="070-555 01 23">
            <button type="submit" id="call">{T("Ring", "Call")}</button>
            </form>
            <div id="keypad" role="group" aria-label="{T("Knappsats", "Keypad")}">
            {string.Concat("123456789*0#".Select(key => $"<button type=\"button\" disabled>{key}</button>"))}
            </div>
            <p><button type="button" id="hang-up" disabled>{T("Lägg på", "Hang up")}</button></p>
            <p id="call-status" role="status"></p>
            <h2>{T("Det du hör", "What you hear")}</h2>
            <ol id="heard" aria-live="polite"></ol>
            <p><a href="{Path}?lang={(english ? "sv" : "en")}">{(english ? "På svenska" : "In English")}</a></p>
            </main>
            <script src="/phone/phone-demo.js" defer></script>
            </body>
            </html>
            """, "text/html; charset=utf-8");
    }
}
