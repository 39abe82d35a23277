using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Moment.Application.Phone;
using Moment.Web.Features.Phone;

namespace Moment.Web.Tests.Phone;

/// <summary>The flow's neutral instructions as Twilio reads them.</summary>
public sealed class TwilioCallAnswersTests
{
    [Fact]
    public void AWaitingRound_IsSpokenInSwedish_ListensForOneKeyDuringThePause_ThenComesBackForTheNextRound()
    {
        var twiml = TwilioCallAnswers.Render(CallAnswer.Of(
            new GatherDigit([new SayText("Du är nummer 1 i kön.", "sv"), new PauseFor(TimeSpan.FromSeconds(60))], TimeSpan.FromSeconds(1), new CallLink(CallHook.WaitChoice, 2)),
            new RedirectTo(new CallLink(CallHook.Wait, 3))), new PathString("/moment"));

        Assert.Contains("<Gather input=\"dtmf\" action=\"/moment/api/phone/twilio/gather?at=wait&amp;turn=2\" method=\"POST\" timeout=\"1\" numDigits=\"1\"", twiml, StringComparison.Ordinal);
        Assert.Contains("<Say language=\"sv-SE\">Du är nummer 1 i kön.</Say>", twiml, StringComparison.Ordinal);
        Assert.Contains("<Pause length=\"60\"", twiml, StringComparison.Ordinal);
        Assert.Contains("<Redirect method=\"POST\">/moment/api/phone/twilio/wait?turn=3</Redirect>", twiml, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAgentOnASipAddress_IsDialledAsSip_AndOnAPhoneNumberAsTheNumber()
    {
        var sip = TwilioCallAnswers.Render(CallAnswer.Of(new DialNumber("sip:lina@pbx.example.se")), PathString.Empty);
        Assert.Contains("<Dial><Sip>sip:lina@pbx.example.se</Sip></Dial>", Regex.Replace(sip, ">\\s+<", "><"), StringComparison.Ordinal);
        Assert.Contains("<Dial>+46701112233</Dial>", TwilioCallAnswers.Render(CallAnswer.Of(new DialNumber("+46701112233")), PathString.Empty), StringComparison.Ordinal);
    }
}
