using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moment.Application.Data;
using Moment.Domain.Phone;
using Moment.Domain.Queues;
using Moment.TestSupport;
using Moment.Web.Tests.Queues;

namespace Moment.Web.Tests.Phone;

/// <summary>
/// The phone door through Twilio's webhooks, signed with a test auth token exactly as Twilio signs them, against the real
/// app on each database; Twilio's REST API is a stub on loopback that records what Moment asked. Routing runs by hand.
/// Each test calls its own Moment number, which leads to its own queue (<c>Phone:Lines</c>).
/// </summary>
public abstract partial class PhoneCallTests(PhoneApp app) : QueueSteps(app)
{
    private const string Webhooks = "/api/phone/twilio";

    private PhoneApp Phone => app;

    [Fact]
    public async Task ACallerThirdInLine_HearsPositionAndRange_Presses1AndHangsUp_KeepsThePlace_AndIsCalledBackFirst()
    {
        var (queue, skill) = await NewQueueAsync(name: PhoneApp.QueueOf(1));
        using var lina = await AgentReadyAsync(Lina, skill);
        await SetPhoneAsync(lina, "070-111 22 33");
        var number = PhoneApp.NumberOf(1);

        await EnterAndWaitAsync("CAfirst", "+46701110001", number);
        App.Time.Advance(TimeSpan.FromSeconds(5));
        await EnterAndWaitAsync("CAsecond", "+46701110002", number);
        App.Time.Advance(TimeSpan.FromSeconds(5));

        var greeting = await PostAsync("/voice", Call("CAthird", "+46701110003", number));
        Assert.Contains("<Say language=\"sv-SE\">Välkommen till kundservice.", greeting, StringComparison.Ordinal);
        Assert.Contains("Tryck 0 när som helst", greeting, StringComparison.Ordinal);
        Assert.Contains("<Say language=\"en-GB\">For English, press 9.</Say>", greeting, StringComparison.Ordinal);
        Assert.Matches("<Gather [^>]*numDigits=\"1\"", greeting);
        Assert.Contains("gather?at=greeting&amp;turn=0", greeting, StringComparison.Ordinal);

        var waiting = await PostAsync("/wait?turn=1", Call("CAthird", "+46701110003", number));
        Assert.Contains("Du är nummer 3 i kön.", waiting, StringComparison.Ordinal);
        var range = RangeSpoken().Match(waiting);
        Assert.True(range.Success, waiting);
        Assert.True(int.Parse(range.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < int.Parse(range.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Tryck 1 om du vill bli uppringd", waiting, StringComparison.Ordinal);
        Assert.Contains("gather?at=wait&amp;turn=1", waiting, StringComparison.Ordinal);
        Assert.Contains("<Redirect method=\"POST\">/api/phone/twilio/wait?turn=2</Redirect>", waiting, StringComparison.Ordinal);

        var asked = await PostAsync("/gather?at=wait&turn=1", Call("CAthird", "+46701110003", number, digits: "1"));
        Assert.Contains("Vi ringer dig på 0 7 0, 1 1 1, 0 0, 0 3. Vill du bli uppringd på ett annat nummer, slå det nu och avsluta med fyrkant.", asked, StringComparison.Ordinal);
        Assert.Matches("<Gather [^>]*finishOnKey=\"#\"", asked);
        Assert.DoesNotMatch("<Gather [^>]*numDigits", asked);
        Assert.Contains("<Redirect method=\"POST\">/api/phone/twilio/gather?at=callback&amp;turn=1</Redirect>", asked, StringComparison.Ordinal);
        // Nothing keyed: the number called from.
        var pressed = await PostAsync("/gather?at=callback&turn=1", Call("CAthird", "+46701110003", number));
        Assert.Contains("Vi ringer upp dig på 0 7 0, 1 1 1, 0 0, 0 3 när det är din tur.", pressed, StringComparison.Ordinal);
        Assert.Contains("<Hangup", pressed, StringComparison.Ordinal);
        await StatusAsync("CAthird", "+46701110003", number, "completed");
        await StatusAsync("CAfirst", "+46701110001", number, "completed");

        var third = await ContactOfAsync("CAthird");
        Assert.Equal((ContactState.Waiting, CallbackWay.Phone, "+46701110003"), (third.State, third.Callback, third.CallbackNumber));
        Assert.NotNull(third.PromisedTo);
        Assert.Equal(ContactState.Abandoned, (await ContactOfAsync("CAfirst")).State);

        // The second caller is still on the line: the person who takes it is dialled into the live call.
        await RouteAsync();
        var second = await AcceptAsync(lina, "070-111 00 02");
        Assert.True(second.GetProperty("callProblem").ValueKind == JsonValueKind.Null, await FailureOfAsync("CAsecond"));
        var redirect = Assert.Single(Phone.Stub.Requests, r => r.Path.EndsWith("/Calls/CAsecond.json", StringComparison.Ordinal));
        Assert.Equal("/2010-04-01/Accounts/ACtest00000000000000000000000000/Calls/CAsecond.json", redirect.Path);
        Assert.Contains("<Dial>+46701112233</Dial>", redirect.Form["Twiml"], StringComparison.Ordinal);
        await StatusAsync("CAsecond", "+46701110002", number, "completed");
        Assert.Equal(ContactState.Ended, (await ContactOfAsync("CAsecond")).State);

        // Someone calls after the callback was left; the callback's place comes first.
        App.Time.Advance(TimeSpan.FromSeconds(5));
        var later = await EnterAndWaitAsync("CAfourth", "+46701110004", number);
        Assert.Contains("Du är nummer 2 i kön.", later, StringComparison.Ordinal);
        await RouteAsync();
        var callback = await AcceptAsync(lina, "070-111 00 03");
        Assert.Equal(JsonValueKind.Null, callback.GetProperty("callProblem").ValueKind);
        var placed = Assert.Single(Phone.Stub.Requests, r => r.Path.EndsWith("/Calls.json", StringComparison.Ordinal) && r.Form.GetValueOrDefault("To") == "+46701110003");
        Assert.Equal("+46850000000", placed.Form["From"]);
        Assert.Contains("ringer upp, som du bad om", placed.Form["Twiml"], StringComparison.Ordinal);
        Assert.Contains("<Dial>+46701112233</Dial>", placed.Form["Twiml"], StringComparison.Ordinal);
        Assert.EndsWith("/api/phone/twilio/status", placed.Form["StatusCallback"], StringComparison.Ordinal);

        var @case = await lina.GetFromJsonAsync<JsonElement>($"/api/cases/{callback.GetProperty("caseNumber").GetString()}", Ct);
        Assert.Equal("Lina Ström", @case.GetProperty("owner").GetProperty("name").GetString());
        Assert.Equal(
            [CallStepKind.Entered, CallStepKind.JoinedLine, CallStepKind.PositionHeard, CallStepKind.PressedOne, CallStepKind.CallbackAsked,
             CallStepKind.Ended, CallStepKind.Answered, CallStepKind.CallbackPlaced],
            await StepsAsync("CAthird"));

        // The customer answers and talks with Lina: the callback promise is kept, by her, and she is free again.
        var outbound = await OutboundCallOfAsync("CAthird");
        await StatusAsync(outbound, "+46850000000", "+46701110003", "completed");
        Assert.Equal(ContactState.Ended, (await ContactOfAsync("CAthird")).State);
        var promise = Assert.Single((await lina.GetFromJsonAsync<JsonElement>($"/api/cases/{callback.GetProperty("caseNumber").GetString()}", Ct))
            .GetProperty("promises").EnumerateArray());
        Assert.Equal("kept", promise.GetProperty("state").GetString());
        Assert.Empty((await DeskAsync(lina)).GetProperty("held").EnumerateArray());
        await SetPresenceAsync(lina, "away");
    }

    [Fact]
    public async Task ACallbackNobodyAnswers_IsPlacedOnceMore_ThenMissed_ItsPromiseBrokenAtOnce_AndThePersonFree()
    {
        var (_, skill) = await NewQueueAsync(name: PhoneApp.QueueOf(8));
        var number = PhoneApp.NumberOf(8);
        await EnterAndWaitAsync("CAnoanswer", "+46701180001", number);
        await PostAsync("/gather?at=wait&turn=1", Call("CAnoanswer", "+46701180001", number, digits: "1"));
        Assert.Contains("Vi ringer upp dig", await PostAsync("/gather?at=callback&turn=1", Call("CAnoanswer", "+46701180001", number)), StringComparison.Ordinal);
        await StatusAsync("CAnoanswer", "+46701180001", number, "completed");
        using var lina = await AgentReadyAsync(Lina, skill);
        await SetPhoneAsync(lina, "070-111 22 33");
        await RouteAsync();
        var callback = await AcceptAsync(lina, "070-118 00 01");
        var caseNumber = callback.GetProperty("caseNumber").GetString();

        var first = await OutboundCallOfAsync("CAnoanswer");
        await StatusAsync(first, "+46850000000", "+46701180001", "no-answer");

        // Placed once more, to the same number, and still Lina's.
        var placed = Phone.Stub.Requests.Where(r => r.Path.EndsWith("/Calls.json", StringComparison.Ordinal) && r.Form.GetValueOrDefault("To") == "+46701180001").ToList();
        Assert.Equal(2, placed.Count);
        Assert.Equal(ContactState.Answered, (await ContactOfAsync("CAnoanswer")).State);
        Assert.Single((await DeskAsync(lina)).GetProperty("held").EnumerateArray());
        var second = await OutboundCallOfAsync("CAnoanswer");
        Assert.NotEqual(first, second);

        await StatusAsync(second, "+46850000000", "+46701180001", "busy");
        // The same status again changes nothing, and places nothing more.
        await StatusAsync(second, "+46850000000", "+46701180001", "busy");

        Assert.Equal(2, Phone.Stub.Requests.Count(r => r.Path.EndsWith("/Calls.json", StringComparison.Ordinal) && r.Form.GetValueOrDefault("To") == "+46701180001"));
        Assert.Equal(ContactState.Missed, (await ContactOfAsync("CAnoanswer")).State);
        Assert.Empty((await DeskAsync(lina)).GetProperty("held").EnumerateArray());
        var @case = await lina.GetFromJsonAsync<JsonElement>($"/api/cases/{caseNumber}", Ct);
        var promise = Assert.Single(@case.GetProperty("promises").EnumerateArray());
        Assert.Equal("broken", promise.GetProperty("state").GetString());
        Assert.Contains("+46701180001", promise.GetProperty("what").GetString(), StringComparison.Ordinal);
        Assert.Equal([CallStepKind.CallbackPlaced, CallStepKind.Ended, CallStepKind.ProviderFailed, CallStepKind.CallbackMissed], await StepsAsync(second));
        await SetPresenceAsync(lina, "away");
    }

    [Fact]
    public async Task ACallerWithAnOpenCase_IsOfferedToItsOwnerFirst_WhoTakesTheCallOntoTheirCase()
    {
        var (_, skill) = await NewQueueAsync(name: PhoneApp.QueueOf(9));
        var number = PhoneApp.NumberOf(9);
        // Lina has waited longest and has the queue's skill; Sara owns the caller's case and has not the skill.
        using var lina = await AgentReadyAsync(Lina, skill);
        App.Time.Advance(TimeSpan.FromMinutes(5));
        using var sara = await App.ClientForAsync("sara.holm@moment.test");
        using var created = await sara.PostAsJsonAsync("/api/customers", new { name = "Ägare Först", phoneNumbers = new[] { "070-119 00 01" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var customerId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        using var registered = await sara.PostAsJsonAsync("/api/cases", new { customerId, subject = "Fakturan stämmer inte", door = "phone" }, Ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var caseNumber = (await registered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("number").GetString();
        await SetPhoneAsync(sara, "070-222 33 44");
        await SetPresenceAsync(sara, "available");

        var greeting = await PostAsync("/voice", Call("CAowner", "+46701190001", number));
        Assert.Contains("Vi försöker först koppla dig till den som har hand om det.", greeting, StringComparison.Ordinal);
        await PostAsync("/wait?turn=1", Call("CAowner", "+46701190001", number));
        await RouteAsync();

        Assert.Empty((await DeskAsync(lina)).GetProperty("offers").EnumerateArray());
        var offer = Assert.Single((await DeskAsync(sara)).GetProperty("offers").EnumerateArray());
        var open = Assert.Single(offer.GetProperty("openCases").EnumerateArray());
        Assert.Equal((caseNumber, true), (open.GetProperty("number").GetString(), open.GetProperty("yours").GetBoolean()));
        using var accepted = await sara.PostAsJsonAsync($"/api/queue/offers/{offer.GetProperty("contactId").GetGuid()}/accept", new { joinCase = caseNumber }, Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(caseNumber, (await accepted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("caseNumber").GetString());
        var dialled = Assert.Single(Phone.Stub.Requests, r => r.Path.EndsWith("/Calls/CAowner.json", StringComparison.Ordinal));
        Assert.Contains("<Dial>+46702223344</Dial>", dialled.Form["Twiml"], StringComparison.Ordinal);
        await StatusAsync("CAowner", "+46701190001", number, "completed");

        // Sara busy on another call, the next call about her case goes to whoever the line's rule chooses.
        await SetPresenceAsync(sara, "busy");
        await EnterAndWaitAsync("CAowner2", "+46701190001", number);
        await RouteAsync();
        Assert.Single((await DeskAsync(lina)).GetProperty("offers").EnumerateArray());
        await SetPresenceAsync(lina, "away");
        await SetPresenceAsync(sara, "away");
    }

    [Fact]
    public async Task Pressing0AtTheGreeting_GetsInLineForAPersonAtOnce()
    {
        var (_, skill) = await NewQueueAsync(name: PhoneApp.QueueOf(2));
        using var nora = await AgentReadyAsync(Nora, skill);
        var number = PhoneApp.NumberOf(2);

        await PostAsync("/voice", Call("CAzero", "+46701120001", number));
        var pressed = await PostAsync("/gather?at=greeting&turn=0", Call("CAzero", "+46701120001", number, digits: "0"));
        Assert.Contains("<Redirect method=\"POST\">/api/phone/twilio/wait?turn=1</Redirect>", pressed, StringComparison.Ordinal);
        var waiting = await PostAsync("/wait?turn=1", Call("CAzero", "+46701120001", number));

        Assert.Contains("Du är nummer 1 i kön.", waiting, StringComparison.Ordinal);
        Assert.Equal(ContactState.Waiting, (await ContactOfAsync("CAzero")).State);
        Assert.Equal([CallStepKind.Entered, CallStepKind.PressedZero, CallStepKind.JoinedLine, CallStepKind.PositionHeard], await StepsAsync("CAzero"));
        await StatusAsync("CAzero", "+46701120001", number, "completed");
        Assert.Equal(ContactState.Abandoned, (await ContactOfAsync("CAzero")).State);
        await SetPresenceAsync(nora, "away");
    }

    [Fact]
    public async Task AForgedSignature_Is403_AndNothingChanges()
    {
        await NewQueueAsync(name: PhoneApp.QueueOf(3));
        var form = Call("CAforged", "+46701130001", PhoneApp.NumberOf(3));
        using var client = App.CreateClient();

        using var unsigned = await client.PostAsync(Webhooks + "/voice", new FormUrlEncodedContent(form), Ct);
        using var forged = new HttpRequestMessage(HttpMethod.Post, Webhooks + "/voice") { Content = new FormUrlEncodedContent(form) };
        forged.Headers.Add("X-Twilio-Signature", Sign("http://localhost" + Webhooks + "/voice", form, "not-the-auth-token"));
        using var refused = await client.SendAsync(forged, Ct);
        // Signed for another step than the one asked: a recorded request replayed elsewhere is refused too.
        using var moved = new HttpRequestMessage(HttpMethod.Post, Webhooks + "/wait?turn=1") { Content = new FormUrlEncodedContent(form) };
        moved.Headers.Add("X-Twilio-Signature", Sign("http://localhost" + Webhooks + "/voice", form, PhoneApp.AuthToken));
        using var replayed = await client.SendAsync(moved, Ct);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], [unsigned.StatusCode, refused.StatusCode, replayed.StatusCode]);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Calls.AnyAsync(c => c.ProviderCallId == "CAforged", Ct));
        Assert.False(await db.WaitingContacts.AnyAsync(c => c.Phone == "+46701130001", Ct));
    }

    [Fact]
    public async Task AWebhookSentAgain_AddsNoSecondContact_StepOrPromise()
    {
        var (_, skill) = await NewQueueAsync(name: PhoneApp.QueueOf(4));
        using var lina = await AgentReadyAsync(Lina, skill);
        var number = PhoneApp.NumberOf(4);
        var call = Call("CAretried", "+46701140001", number);

        Assert.Equal(await PostAsync("/voice", call), await PostAsync("/voice", call));
        var rounds = await Task.WhenAll(PostAsync("/wait?turn=1", call), PostAsync("/wait?turn=1", call));
        Assert.All(rounds, round => Assert.Contains("Du är nummer 1 i kön.", round, StringComparison.Ordinal));
        // Each key sent twice at once, as a provider that retries before the first answer came, and once more later.
        var pressed = Call("CAretried", "+46701140001", number, digits: "1");
        var pressedTwice = await Task.WhenAll(PostAsync("/gather?at=wait&turn=1", pressed), PostAsync("/gather?at=wait&turn=1", pressed));
        Assert.Equal(pressedTwice[0], pressedTwice[1]);
        var keyed = Call("CAretried", "+46701140001", number, digits: "0701140099#");
        var keyedTwice = await Task.WhenAll(PostAsync("/gather?at=callback&turn=1", keyed), PostAsync("/gather?at=callback&turn=1", keyed));
        var first = keyedTwice[0];
        Assert.Equal(first, keyedTwice[1]);
        Assert.Equal(first, await PostAsync("/gather?at=callback&turn=1", keyed));
        Assert.Contains("Vi ringer upp dig på 0 7 0, 1 1 4, 0 0, 9 9", first, StringComparison.Ordinal);
        await StatusAsync("CAretried", "+46701140001", number, "completed");
        await StatusAsync("CAretried", "+46701140001", number, "completed");

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var contact = Assert.Single(await db.WaitingContacts.Where(c => c.Phone == "+46701140001").ToListAsync(Ct));
        Assert.Equal((ContactState.Waiting, CallbackWay.Phone, "+46701140099"), (contact.State, contact.Callback, contact.CallbackNumber));
        Assert.Single(await db.Calls.Where(c => c.ProviderCallId == "CAretried").ToListAsync(Ct));
        Assert.Equal(
            [CallStepKind.Entered, CallStepKind.JoinedLine, CallStepKind.PositionHeard, CallStepKind.PressedOne, CallStepKind.CallbackAsked, CallStepKind.Ended],
            await StepsAsync("CAretried"));
        Assert.Equal(1, await db.Commitments.CountAsync(c => c.CaseId == contact.CaseId, Ct));
        await SetPresenceAsync(lina, "away");
    }

    [Fact]
    public async Task English_KeysThatMeanNothing_AndAStepOfAnUnknownCall_AreHandledGracefully()
    {
        var (_, skill) = await NewQueueAsync(name: PhoneApp.QueueOf(5));
        using var nora = await AgentReadyAsync(Nora, skill);
        var number = PhoneApp.NumberOf(5);

        await PostAsync("/voice", Call("CAenglish", "+46701150001", number));
        var english = await PostAsync("/gather?at=greeting&turn=0", Call("CAenglish", "+46701150001", number, digits: "9"));
        Assert.Contains("<Say language=\"en-GB\">Welcome to customer service.", english, StringComparison.Ordinal);
        Assert.Contains("You are number 1 in the line.", await PostAsync("/wait?turn=1", Call("CAenglish", "+46701150001", number)), StringComparison.Ordinal);
        var nothing = await PostAsync("/gather?at=wait&turn=1", Call("CAenglish", "+46701150001", number, digits: "7"));
        Assert.Contains("There is no such choice. You stay in line.", nothing, StringComparison.Ordinal);
        Assert.Equal("en", (await ContactOfAsync("CAenglish")).Language);

        // Moment never saw this call's first webhook: its next step takes it in line rather than failing.
        var stranger = await PostAsync("/wait?turn=4", Call("CAunknown", "anonymous", number));
        Assert.Contains("Du är nummer 2 i kön.", stranger, StringComparison.Ordinal);
        var hidden = await PostAsync("/gather?at=wait&turn=4", Call("CAunknown", "anonymous", number, digits: "1"));
        Assert.Contains("Vi ser inte ditt nummer. Slå numret vi ska ringa dig på", hidden, StringComparison.Ordinal);
        // Nothing keyed from a hidden number: nobody to call, the caller stays in line; a number that is none is said so.
        Assert.Contains("så vi kan inte ringa upp dig. Du står kvar i kön.", await PostAsync("/gather?at=callback&turn=4", Call("CAunknown", "anonymous", number)), StringComparison.Ordinal);
        Assert.Contains("Det numret kan vi inte ringa.", await PostAsync("/gather?at=callback&turn=5", Call("CAunknown", "anonymous", number, digits: "12#")), StringComparison.Ordinal);
        Assert.Null((await ContactOfAsync("CAunknown")).Callback);
        Assert.Contains("Vi ringer upp dig på 0 7 0, 1 1 5, 0 0, 7 7", await PostAsync("/gather?at=callback&turn=6", Call("CAunknown", "anonymous", number, digits: "0701150077")), StringComparison.Ordinal);
        Assert.Equal("+46701150077", (await ContactOfAsync("CAunknown")).CallbackNumber);
        // A status for a call Moment does not know changes nothing.
        await StatusAsync("CAnever", "+46701150009", number, "completed");
        await SetPresenceAsync(nora, "away");
    }

    [Fact]
    public async Task AProviderThatKeepsFailing_IsTriedAgain_SaidToTheAgent_AndLosesNoCallerAndNoCallback()
    {
        var (_, skill) = await NewQueueAsync(name: PhoneApp.QueueOf(6));
        using var lina = await AgentReadyAsync(Lina, skill);
        await SetPhoneAsync(lina, "070-111 22 33");
        var number = PhoneApp.NumberOf(6);
        Phone.Stub.Fails = request => request.Path.Contains("CAfails", StringComparison.Ordinal) || request.Form.GetValueOrDefault("To") == "+46701160001";
        try
        {
            await EnterAndWaitAsync("CAfailsback", "+46701160001", number);
            await PostAsync("/gather?at=wait&turn=1", Call("CAfailsback", "+46701160001", number, digits: "1"));
            await PostAsync("/gather?at=callback&turn=1", Call("CAfailsback", "+46701160001", number));
            await StatusAsync("CAfailsback", "+46701160001", number, "completed");
            App.Time.Advance(TimeSpan.FromSeconds(5));
            await EnterAndWaitAsync("CAfailslive", "+46701160002", number);

            await RouteAsync();
            var callback = await AcceptAsync(lina, "070-116 00 01");
            Assert.Contains("could not place the callback: call 070-116 00 01 yourself", callback.GetProperty("callProblem").GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Equal(3, Phone.Stub.Requests.Count(r => r.Form.GetValueOrDefault("To") == "+46701160001"));
            var kept = await ContactOfAsync("CAfailsback");
            Assert.Equal((ContactState.Answered, CallbackWay.Phone), (kept.State, kept.Callback));
            var @case = await lina.GetFromJsonAsync<JsonElement>($"/api/cases/{callback.GetProperty("caseNumber").GetString()}", Ct);
            Assert.Equal("Lina Ström", @case.GetProperty("owner").GetProperty("name").GetString());
            Assert.Contains(CallStepKind.ProviderFailed, await StepsAsync("CAfailsback"));
            Assert.Contains("503", await FailureOfAsync("CAfailsback"), StringComparison.Ordinal);

            // The agent's call capacity is taken by the callback they now owe: ending it frees them for the caller on the line.
            using var ended = await lina.PostAsync($"/api/queue/contacts/{kept.Id}/end", null, Ct);
            Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
            await RouteAsync();
            var live = await AcceptAsync(lina, "070-116 00 02");
            Assert.Contains("put through at their next announcement", live.GetProperty("callProblem").GetProperty("text").GetString(), StringComparison.Ordinal);
            var next = await PostAsync("/wait?turn=2", Call("CAfailslive", "+46701160002", number));
            Assert.Contains("<Dial>+46701112233</Dial>", next, StringComparison.Ordinal);
            Assert.Contains("Nu kopplar vi dig till Lina.", next, StringComparison.Ordinal);
            Assert.Equal(3, Phone.Stub.Requests.Count(r => r.Path.EndsWith("/Calls/CAfailslive.json", StringComparison.Ordinal)));
        }
        finally
        {
            Phone.Stub.Fails = _ => false;
            await SetPresenceAsync(lina, "away");
        }
    }

    [Fact]
    public async Task OutsideOpeningHours_TheCallerHearsWhenTheTeamOpens_AndMayLeaveACallbackForThen()
    {
        await NewQueueAsync(name: PhoneApp.QueueOf(7));
        var number = PhoneApp.NumberOf(7);
        var now = App.Time.GetUtcNow();
        // 19:30 in Stockholm (winter time), after the team's 17:00; then the next morning, open again for the tests after.
        var evening = new DateTimeOffset(now.Year, now.Month, now.Day, 18, 30, 0, TimeSpan.Zero);
        App.Time.Advance(evening - now);
        try
        {
            var greeting = await PostAsync("/voice", Call("CAevening", "+46701170001", number));
            Assert.Contains("Vi har stängt nu och öppnar tisdag den 24 november klockan 08:00.", greeting, StringComparison.Ordinal);
            Assert.Contains("Tryck 1 så ringer vi upp dig när vi har öppnat.", greeting, StringComparison.Ordinal);
            Assert.Contains("<Hangup", greeting, StringComparison.Ordinal);

            var pressed = await PostAsync("/gather?at=greeting&turn=0", Call("CAevening", "+46701170001", number, digits: "1"));
            Assert.Contains("Vi ringer upp dig på 0 7 0, 1 1 7, 0 0, 0 1", pressed, StringComparison.Ordinal);
            await StatusAsync("CAevening", "+46701170001", number, "completed");

            var contact = await ContactOfAsync("CAevening");
            Assert.Equal((ContactState.Waiting, CallbackWay.Phone), (contact.State, contact.Callback));
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var promise = await db.Commitments.AsNoTracking().SingleAsync(c => c.CaseId == contact.CaseId, Ct);
            // An hour after the team opens (08:00 in Stockholm is 07:00 UTC in November).
            Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), promise.Deadline);
        }
        finally
        {
            App.Time.Advance(TimeSpan.FromHours(14));
        }
    }

    [Fact]
    public async Task ThePhoneSimulator_SignsOnlyStepsOfACall_AndIsNotThereOutsideDemoMode()
    {
        // (Its way through, a real call signed and played, is the browser test's: it calls the app over a socket.)
        using (var demo = App.CreateClient())
        {
            // It signs whatever it is given: never anything but a step of a call.
            using var elsewhere = await demo.PostAsJsonAsync("/demo/phone/webhook", new { path = "/api/cases", fields = new Dictionary<string, string>() }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
            Assert.Equal("application/problem+json", elsewhere.Content.Headers.ContentType?.MediaType);
            using var climbing = await demo.PostAsJsonAsync("/demo/phone/webhook", new { path = Webhooks + "/../../cases", fields = new Dictionary<string, string>() }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, climbing.StatusCode);
        }

        await using var production = App.WithWebHostBuilder(builder => builder.UseSetting("Demo:Enabled", "false"));
        using var client = production.CreateClient();
        using var page = await client.GetAsync("/demo/phone", Ct);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        using var signed = await client.PostAsJsonAsync("/demo/phone/webhook",
            new { path = Webhooks + "/voice", fields = new Dictionary<string, string> { ["CallSid"] = "CAnotdemo", ["From"] = "070-113 00 08", ["To"] = PhoneApp.NumberOf(3) } }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, signed.StatusCode);
        Assert.Equal("application/problem+json", signed.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await StepsAsync("CAnotdemo"));
    }

    [Fact]
    public async Task ThePhoneSimulator_PassesOnTheEndOfACall_AsTheEmptyAnswerItIs()
    {
        // On Kestrel, as the simulator posts to the app itself over a socket; the server's own log says whether the answer
        // could be written (a 204 already on its way to the browser hides a failure to write a body after it).
        await NewQueueAsync(name: PhoneApp.QueueOf(10));
        var logs = new CapturedLogs();
        await using var served = App.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));
        served.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        served.StartServer();
        using var page = new HttpClient { BaseAddress = ServerAddress.Of(served.Services) };
        var call = new Dictionary<string, string> { ["CallSid"] = "CAsimulated", ["From"] = "070-113 00 10", ["To"] = PhoneApp.NumberOf(10) };

        using var greeted = await page.PostAsJsonAsync("/demo/phone/webhook", new { path = Webhooks + "/voice", fields = call }, Ct);
        Assert.Equal(HttpStatusCode.OK, greeted.StatusCode);
        Assert.Contains("<Say", await greeted.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var ended = await page.PostAsJsonAsync("/demo/phone/webhook",
            new { path = Webhooks + "/status", fields = new Dictionary<string, string>(call) { ["CallStatus"] = "completed" } }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Contains(CallStepKind.Ended, await StepsAsync("CAsimulated"));
        Assert.DoesNotContain(logs.Entries, entry => entry.Level >= LogLevel.Error);
    }

    private async Task<string> EnterAndWaitAsync(string callSid, string from, string to)
    {
        await PostAsync("/voice", Call(callSid, from, to));
        return await PostAsync("/wait?turn=1", Call(callSid, from, to));
    }

    private static Dictionary<string, string> Call(string callSid, string from, string to, string? digits = null)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccountSid"] = PhoneApp.AccountSid,
            ["CallSid"] = callSid,
            ["From"] = from,
            ["To"] = to,
            ["CallStatus"] = "in-progress",
            ["Direction"] = "inbound",
            ["ApiVersion"] = "2010-04-01",
        };
        if (digits is not null)
            form["Digits"] = digits;
        return form;
    }

    /// <summary>Posts a webhook signed as Twilio signs it, and answers the TwiML.</summary>
    private async Task<string> PostAsync(string path, Dictionary<string, string> form)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Webhooks + path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", Sign("http://localhost" + Webhooks + path, form, PhoneApp.AuthToken));
        using var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}");
        return body;
    }

    private async Task StatusAsync(string callSid, string from, string to, string status)
    {
        var form = Call(callSid, from, to);
        form["CallStatus"] = status;
        Assert.Equal("", await PostAsync("/status", form));
    }

    /// <summary>
    /// Twilio's signature: the URL, then each form field's name and value sorted by name, HMAC-SHA1 under the auth token,
    /// in base64. Written out here rather than taken from the library, so the test checks Moment against Twilio's rule.
    /// </summary>
    private static string Sign(string url, Dictionary<string, string> form, string authToken)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(f => f.Key, StringComparer.Ordinal))
            data.Append(name).Append(value);
#pragma warning disable CA5350 // Twilio's signature is HMAC-SHA1: the test must sign as Twilio does.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    private static async Task SetPhoneAsync(HttpClient agent, string phone)
    {
        using var set = await agent.PutAsJsonAsync("/api/me/phone", new { phone }, Ct);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
    }

    private static async Task<JsonElement> AcceptAsync(HttpClient agent, string customerName)
    {
        var offer = Assert.Single((await DeskAsync(agent)).GetProperty("offers").EnumerateArray());
        Assert.Equal(customerName, offer.GetProperty("customerName").GetString());
        using var accepted = await agent.PostAsJsonAsync($"/api/queue/offers/{offer.GetProperty("contactId").GetGuid()}/accept", new { }, Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        return await accepted.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task<WaitingContact> ContactOfAsync(string callSid)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.Calls.Where(c => c.ProviderCallId == callSid).Select(c => c.ContactId).SingleAsync(Ct);
        return await db.WaitingContacts.AsNoTracking().SingleAsync(c => c.Id == id, Ct);
    }

    private async Task<string?> FailureOfAsync(string callSid)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Calls.Where(c => c.ProviderCallId == callSid).Select(c => c.Failure).SingleAsync(Ct);
    }

    /// <summary>The provider's id of the latest callback placed for the contact of <paramref name="inboundSid"/>.</summary>
    private async Task<string> OutboundCallOfAsync(string inboundSid)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var contact = await db.Calls.Where(c => c.ProviderCallId == inboundSid).Select(c => c.ContactId).SingleAsync(Ct);
        var outbound = await db.Calls.Where(c => c.ContactId == contact && c.Direction == CallDirection.Outbound).Select(c => c.ProviderCallId).ToListAsync(Ct);
        return outbound.OrderBy(sid => sid, StringComparer.Ordinal).Last();
    }

    private async Task<List<CallStepKind>> StepsAsync(string callSid)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.CallSteps.Where(s => s.ProviderCallId == callSid).OrderBy(s => s.Id).Select(s => s.Kind).ToListAsync(Ct);
    }

    [GeneratedRegex("Väntetiden är ungefär (\\d+) till (\\d+) minuter\\.")]
    private static partial Regex RangeSpoken();
}

/// <summary>The app with a Twilio account of the tests' own: its auth token signs the webhooks, its REST API is the stub.</summary>
public abstract class PhoneApp(DatabaseProvider provider) : MomentApp(provider)
{
    public const string AuthToken = "test-auth-token-0123456789abcdef";
    public const string AccountSid = "ACtest00000000000000000000000000";

    private TwilioRestStub? _stub;

    public TwilioRestStub Stub => _stub ?? throw new InvalidOperationException("The stub is not started.");

    /// <summary>The Moment number test <paramref name="n"/> calls, leading to its own queue.</summary>
    public static string NumberOf(int n) => $"+4685000100{n}";

    public static string QueueOf(int n) => $"Telefonkön {n}";

    public override async ValueTask InitializeAsync()
    {
        _stub = await TwilioRestStub.StartAsync();
        Settings["Queues:RouteInBackground"] = "false";
        Settings["RateLimits:Customer:PermitLimit"] = "100000";
        Settings["Phone:Twilio:AuthToken"] = AuthToken;
        Settings["Phone:Twilio:AccountSid"] = AccountSid;
        Settings["Phone:Twilio:RestBaseUrl"] = Stub.BaseUrl.AbsoluteUri;
        Settings["Phone:CallbackFrom"] = "+46850000000";
        for (var n = 1; n <= 10; n++)
            Settings[$"Phone:Lines:{NumberOf(n)}"] = QueueOf(n);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_stub is not null)
            await _stub.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqlitePhoneApp() : PhoneApp(DatabaseProvider.Sqlite);

public sealed class PostgresPhoneApp() : PhoneApp(DatabaseProvider.Postgres);

public sealed class PhoneCallTestsOnSqlite(SqlitePhoneApp app) : PhoneCallTests(app), IClassFixture<SqlitePhoneApp>;

public sealed class PhoneCallTestsOnPostgres(PostgresPhoneApp app) : PhoneCallTests(app), IClassFixture<PostgresPhoneApp>;
