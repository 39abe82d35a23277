using System.Globalization;
using Moment.Application.Phone;
using HttpMethod = Twilio.Http.HttpMethod;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace Moment.Web.Features.Phone;

/// <summary>
/// The flow's neutral instructions as TwiML. Links are relative to the webhook Twilio called, so they keep the public
/// address Twilio used, behind a proxy too.
/// </summary>
internal static class TwilioCallAnswers
{
    public const string BasePath = "/api/phone/twilio";

    public static string Render(CallAnswer answer, PathString pathBase)
    {
        var response = new VoiceResponse();
        foreach (var instruction in answer.Instructions)
            response.Append(Verb(instruction, pathBase));
        return response.ToString();
    }

    public static string LinkOf(CallLink link, PathString pathBase) => link.Hook switch
    {
        CallHook.GreetingChoice => string.Create(CultureInfo.InvariantCulture, $"{pathBase}{BasePath}/gather?at=greeting&turn={link.Turn}"),
        CallHook.WaitChoice => string.Create(CultureInfo.InvariantCulture, $"{pathBase}{BasePath}/gather?at=wait&turn={link.Turn}"),
        CallHook.CallbackNumber => string.Create(CultureInfo.InvariantCulture, $"{pathBase}{BasePath}/gather?at=callback&turn={link.Turn}"),
        CallHook.Wait => string.Create(CultureInfo.InvariantCulture, $"{pathBase}{BasePath}/wait?turn={link.Turn}"),
    };

    private static TwiML Verb(CallInstruction instruction, PathString pathBase) => instruction switch
    {
        SayText say => Say(say),
        PauseFor pause => Pause(pause),
        GatherDigit gather => Gather(gather.Prompts, gather.Timeout, gather.Then, pathBase, numDigits: 1),
        GatherNumber gather => Gather(gather.Prompts, gather.Timeout, gather.Then, pathBase, numDigits: null),
        RedirectTo redirect => new Redirect(new Uri(LinkOf(redirect.To, pathBase), UriKind.Relative), HttpMethod.Post),
        // A SIP address (an agent on a softphone or PBX) is dialled as <Sip>, a phone number as the dial's text.
        DialNumber dial when dial.Number.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) => new Dial().Sip(new Uri(dial.Number)),
        DialNumber dial => new Dial(dial.Number),
        HangUp => new Hangup(),
        _ => throw new InvalidOperationException($"No TwiML for {instruction.GetType().Name}."),
    };

    /// <summary>One key (<paramref name="numDigits"/> 1), or a number ended with # (null: as many digits as keyed).</summary>
    private static Gather Gather(IReadOnlyList<CallInstruction> prompts, TimeSpan timeout, CallLink then, PathString pathBase, int? numDigits)
    {
        var verb = new Gather(
            input: [Twilio.TwiML.Voice.Gather.InputEnum.Dtmf],
            action: new Uri(LinkOf(then, pathBase), UriKind.Relative),
            method: HttpMethod.Post,
            timeout: Math.Max(1, (int)timeout.TotalSeconds),
            numDigits: numDigits,
            finishOnKey: numDigits is null ? "#" : null,
            actionOnEmptyResult: false);
        foreach (var prompt in prompts)
        {
            switch (prompt)
            {
                case SayText say:
                    verb.Append(Say(say));
                    break;
                case PauseFor pause:
                    verb.Append(Pause(pause));
                    break;
                default:
                    throw new InvalidOperationException($"A {prompt.GetType().Name} cannot be a prompt.");
            }
        }

        return verb;
    }

    private static Say Say(SayText say) =>
        new(say.Text, language: say.Language == "en" ? Twilio.TwiML.Voice.Say.LanguageEnum.EnGb : Twilio.TwiML.Voice.Say.LanguageEnum.SvSe);

    private static Pause Pause(PauseFor pause) => new(Math.Max(1, (int)pause.Length.TotalSeconds));
}
