using System.Globalization;
using Moment.Application.Phone;

namespace Moment.Web.Features.Phone;

/// <summary>
/// Twilio's webhooks for a Moment number: the call comes in (<c>voice</c>), a key was pressed or not (<c>gather</c>), the
/// next round of waiting (<c>wait</c>), the call ended (<c>status</c>). Each is signed by Twilio
/// (<see cref="TwilioSignature"/>) and answered with TwiML rendered from the flow's neutral instructions
/// (<c>src/Application/Phone</c>). The connection to a real number is in that folder's README.
/// </summary>
internal static class TwilioPhoneApi
{
    public static void MapTwilioPhoneApi(this IEndpointRouteBuilder app)
    {
        var twilio = app.MapGroup(TwilioCallAnswers.BasePath).WithTags("Phone (Twilio)").AllowAnonymous().DisableAntiforgery()
            .AddEndpointFilter<TwilioSignature>();
        twilio.MapPost("/voice", async (HttpRequest request, AnswerCall answer, CancellationToken ct) =>
                TwiML(request, await answer.HandleAsync(await CallEventAsync(request, ct), ct)))
            .WithSummary("Twilio's voice webhook (A call comes in): the greeting.");
        twilio.MapPost("/gather", async (HttpRequest request, string? at, int? turn, ChooseInCall choose, CancellationToken ct) =>
                TwiML(request, await choose.HandleAsync(await CallEventAsync(request, ct),
                    new CallLink(at switch { "greeting" => CallHook.GreetingChoice, "callback" => CallHook.CallbackNumber, _ => CallHook.WaitChoice }, turn ?? 0), ct)))
            .WithSummary("The key the caller pressed at the greeting (at=greeting) or while waiting (at=wait), or the number they keyed for their callback (at=callback), in 'Digits'.");
        twilio.MapPost("/wait", async (HttpRequest request, int? turn, WaitInLine wait, CancellationToken ct) =>
                TwiML(request, await wait.HandleAsync(await CallEventAsync(request, ct), turn ?? 1, ct)))
            .WithSummary("The next round of waiting: the caller's place, a range of wait and their choices.");
        twilio.MapPost("/status", async (HttpRequest request, EndCall end, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                if (Outcome(form["CallStatus"].ToString()) is { } outcome)
                    await end.HandleAsync(await CallEventAsync(request, ct), outcome, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Twilio's status callback (Call status changes): a call that ended, at any step.");
    }

    /// <summary>Twilio's final call statuses; the others (ringing, in-progress) change nothing here.</summary>
    private static CallOutcome? Outcome(string status) => status switch
    {
        "completed" => CallOutcome.Completed,
        "busy" => CallOutcome.Busy,
        "no-answer" => CallOutcome.NoAnswer,
        "failed" => CallOutcome.Failed,
        "canceled" => CallOutcome.Canceled,
        _ => null,
    };

    private static async Task<CallEvent> CallEventAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var callId = form["CallSid"].ToString();
        if (callId.Length is 0 or > Domain.Phone.Call.ProviderCallIdMaxLength)
            throw new BadHttpRequestException("A Twilio webhook names its call in CallSid.");
        return new CallEvent(callId, Field(form, "From"), Field(form, "To"), Field(form, "Digits"));
    }

    private static string? Field(IFormCollection form, string name) => form[name].ToString() is { Length: > 0 } value ? value : null;

    private static IResult TwiML(HttpRequest request, CallAnswer answer) =>
        Results.Content(TwilioCallAnswers.Render(answer, request.PathBase), "application/xml", System.Text.Encoding.UTF8);

    public static string StatusUrl(Uri publicBase) =>
        string.Create(CultureInfo.InvariantCulture, $"{publicBase.AbsoluteUri.TrimEnd('/')}{TwilioCallAnswers.BasePath}/status");
}
