using Moment.Domain.Cases;
using Moment.Domain.Queues;

namespace Moment.Domain.Tests.Queues;

public sealed class WaitingContactTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Queue Billing = Queue.Create(Guid.NewGuid(), "Billing", Skills.Of("billing"));

    private static WaitingContact Enter(bool withBot = false, string language = "sv") =>
        WaitingContact.Enter(Billing, Door.Chat, language, "Margit Andersson", null, null, "Why was I charged twice?", null, Guid.NewGuid(), [1, 2, 3], withBot, Now);

    [Fact]
    public void Enter_NeedsTheQueuesSkillsAndTheCustomersLanguage()
    {
        var contact = Enter(language: "en");

        Assert.Equal(ContactState.Waiting, contact.State);
        Assert.Equal("billing,en", contact.Needs.ToString());
        Assert.Equal(Now, contact.PlaceAt);
    }

    [Fact]
    public void Enter_WithoutANameOrAQuestion_IsRefused()
    {
        Assert.Equal("Name", Assert.Throws<DomainRuleException>(() =>
            WaitingContact.Enter(Billing, Door.Chat, "sv", " ", null, null, "Hello", null, null, [], false, Now)).Field);
        Assert.Equal("Question", Assert.Throws<DomainRuleException>(() =>
            WaitingContact.Enter(Billing, Door.Chat, "sv", "Margit", null, null, new string('x', WaitingContact.QuestionMaxLength + 1), null, null, [], false, Now)).Field);
    }

    [Fact]
    public void TalkingToTheBotFirst_KeepsThePlaceOfTheFirstMessage()
    {
        var contact = Enter(withBot: true);

        contact.JoinLine(Now.AddMinutes(3));

        Assert.Equal(ContactState.Waiting, contact.State);
        Assert.Equal(Now, contact.PlaceAt);
        Assert.Equal(Now.AddMinutes(3), contact.HandedOverAt);
    }

    [Fact]
    public void TheBotMissingTwiceInARow_HandsTheChatOver_AnAnswerBetweenStartsAgain()
    {
        var contact = Enter(withBot: true);

        Assert.False(contact.BotMissed(Now));
        contact.BotAnswered();
        Assert.False(contact.BotMissed(Now));
        Assert.Equal(ContactState.WithBot, contact.State);
        Assert.True(contact.BotMissed(Now.AddMinutes(1)));
        Assert.Equal(ContactState.Waiting, contact.State);
    }

    [Fact]
    public void ACallback_KeepsThePlace_AndLeavingThenIsNotAbandoning()
    {
        var contact = Enter();

        contact.AskForCallback(CallbackWay.Phone, "+46701234567", Now.AddMinutes(2));

        Assert.False(contact.Leave(Now.AddMinutes(3)));
        Assert.Equal(ContactState.Waiting, contact.State);
        Assert.Equal(Now, contact.PlaceAt);
        Assert.Equal(Door.Phone, contact.RoutedAs);
    }

    [Fact]
    public void LeavingTheLineWithoutACallback_IsAbandoning()
    {
        var contact = Enter();

        Assert.True(contact.Leave(Now.AddMinutes(1)));
        Assert.Equal(ContactState.Abandoned, contact.State);
    }

    [Fact]
    public void AnOffer_IsTheOneAgentsToAccept_UntilItLapses()
    {
        var contact = Enter();
        var agent = Guid.NewGuid();
        contact.Offer(agent, TimeSpan.FromSeconds(20), Now);

        Assert.Throws<ConflictException>(() => contact.Accept(Guid.NewGuid(), Now.AddSeconds(5)));
        Assert.Throws<ConflictException>(() => contact.Accept(agent, Now.AddSeconds(20)));
        contact.Accept(agent, Now.AddSeconds(19));

        Assert.Equal(ContactState.Answered, contact.State);
        Assert.Equal(TimeSpan.FromSeconds(19), contact.Waited);
        Assert.Throws<ConflictException>(() => contact.Accept(agent, Now.AddSeconds(19)));
    }

    [Fact]
    public void ALapsedOffer_GoesBackToItsPlace_ForTheNextAgent()
    {
        var contact = Enter();
        var agent = Guid.NewGuid();
        contact.Offer(agent, TimeSpan.FromSeconds(20), Now);

        Assert.Throws<ConflictException>(() => contact.Lapse(Now.AddSeconds(10)));
        Assert.Equal(agent, contact.Lapse(Now.AddSeconds(20)));

        Assert.Equal(ContactState.Waiting, contact.State);
        Assert.Null(contact.OfferedToId);
        Assert.Equal(Now, contact.PlaceAt);
        contact.Offer(Guid.NewGuid(), TimeSpan.FromSeconds(20), Now.AddSeconds(21));
        Assert.Equal(2, contact.Offers);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(4, true)]
    [InlineData(6, true)]
    [InlineData(3, false)]
    [InlineData(7, false)]
    public void KeptToRange_IsWhetherTheWaitFromTheRangeShownFellInsideIt(int waitedMinutes, bool kept)
    {
        var contact = Enter();
        var shownAt = Now.AddMinutes(1);
        contact.Shown(TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6), shownAt);
        // A later, closer estimate does not replace the promise.
        contact.Shown(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), shownAt.AddMinutes(3));
        var agent = Guid.NewGuid();
        contact.Offer(agent, TimeSpan.FromSeconds(20), shownAt.AddMinutes(waitedMinutes));

        contact.Accept(agent, shownAt.AddMinutes(waitedMinutes));

        Assert.Equal(kept, contact.KeptToRange);
    }

    [Fact]
    public void ANeverShownRange_IsNotCountedForHonesty()
    {
        var contact = Enter();
        var agent = Guid.NewGuid();
        contact.Offer(agent, TimeSpan.FromSeconds(20), Now);
        contact.Accept(agent, Now);

        Assert.Null(contact.KeptToRange);
    }
}

public sealed class AgentPresenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ANewAgent_IsAway_WithTheDefaultCapacities()
    {
        var presence = AgentPresence.For(Guid.NewGuid(), Skills.Of("sv"), Now);

        Assert.Equal(Presence.Away, presence.State);
        Assert.Equal(3, presence.CapacityFor(Door.Chat));
        Assert.Equal(1, presence.CapacityFor(Door.Phone));
    }

    [Fact]
    public void BecomingAvailable_StartsTheIdleTime_ALapseSetsTheAgentAwayAndCountsIt()
    {
        var presence = AgentPresence.For(Guid.NewGuid(), Skills.Of("sv"), Now);

        presence.Set(Presence.Available, Now.AddMinutes(5));
        Assert.Equal(Now.AddMinutes(5), presence.IdleSince);
        presence.Lapsed(Now.AddMinutes(6));

        Assert.Equal(Presence.Away, presence.State);
        Assert.Equal(1, presence.Lapses);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(11, 1)]
    [InlineData(3, 2)]
    public void Equip_RefusesCapacitiesOutsideTheLimits(int chats, int calls) =>
        Assert.Throws<DomainRuleException>(() => AgentPresence.For(Guid.NewGuid(), Skills.None, Now).Equip(Skills.None, chats, calls));
}
