using Moment.Domain.Cases;
using Moment.Domain.Queues;

namespace Moment.Domain.Tests.Queues;

public sealed class RoutingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Skills Swedish = Skills.Of("sv");

    private static FreeAgent Agent(int idleMinutesAgo, Skills? skills = null, int freeChats = 3, int freeCalls = 1, int? offeredMinutesAgo = null) =>
        new(Guid.NewGuid(), skills ?? Skills.Of("sv", "en"), freeChats, freeCalls, Now.AddMinutes(-idleMinutesAgo),
            offeredMinutesAgo is { } ago ? Now.AddMinutes(-ago) : null);

    private static LineEntry Chat(Skills? needs = null) => new(Guid.NewGuid(), Door.Chat, needs ?? Swedish);

    [Fact]
    public void TheFrontContact_GoesToTheAgentIdleLongest()
    {
        var recent = Agent(idleMinutesAgo: 1);
        var longest = Agent(idleMinutesAgo: 30);
        var front = Chat();

        var offers = Routing.Offers([front], [recent, longest], RoutingRule.LongestIdle);

        Assert.Equal([new OfferTo(front.ContactId, longest.UserId)], offers);
    }

    [Fact]
    public void RoundRobin_OffersToTheAgentOfferedLongestAgo_HoweverLongTheyHaveBeenIdle()
    {
        var idleLongButOfferedJustNow = Agent(idleMinutesAgo: 60, offeredMinutesAgo: 1);
        var offeredLongAgo = Agent(idleMinutesAgo: 2, offeredMinutesAgo: 40);
        var front = Chat();

        var offers = Routing.Offers([front], [idleLongButOfferedJustNow, offeredLongAgo], RoutingRule.RoundRobin);

        Assert.Equal(offeredLongAgo.UserId, Assert.Single(offers).AgentId);
    }

    [Fact]
    public void AnAgentWithoutTheSkill_IsNotOffered_AndTheContactBehindWhichTheyCanTakeIsOffered()
    {
        var swedishOnly = Agent(idleMinutesAgo: 10, skills: Swedish);
        var english = Chat(Skills.Of("en"));
        var swedish = Chat();

        var offers = Routing.Offers([english, swedish], [swedishOnly], RoutingRule.LongestIdle);

        Assert.Equal([new OfferTo(swedish.ContactId, swedishOnly.UserId)], offers);
    }

    [Fact]
    public void AnAgentWithNoRoomForTheDoor_IsPassedOver()
    {
        var full = Agent(idleMinutesAgo: 30, freeChats: 0);
        var room = Agent(idleMinutesAgo: 1);
        var call = new LineEntry(Guid.NewGuid(), Door.Phone, Swedish);
        var onACall = Agent(idleMinutesAgo: 60, freeCalls: 0);

        Assert.Equal(room.UserId, Assert.Single(Routing.Offers([Chat()], [full, room], RoutingRule.LongestIdle)).AgentId);
        Assert.Empty(Routing.Offers([call], [onACall], RoutingRule.LongestIdle));
    }

    [Fact]
    public void AnAgentIsOfferedOneContactARound_TheNextGoesToTheNextAgent()
    {
        var first = Agent(idleMinutesAgo: 30);
        var second = Agent(idleMinutesAgo: 5);
        var (a, b, c) = (Chat(), Chat(), Chat());

        var offers = Routing.Offers([a, b, c], [second, first], RoutingRule.LongestIdle);

        Assert.Equal([new OfferTo(a.ContactId, first.UserId), new OfferTo(b.ContactId, second.UserId)], offers);
    }

    [Fact]
    public void ACallAboutACase_GoesToItsOwnerFirst_EvenWithoutTheQueuesSkill_AndToTheRuleWhenTheOwnerHasNoRoom()
    {
        var idleLongest = Agent(idleMinutesAgo: 60);
        var owner = Agent(idleMinutesAgo: 1, skills: Skills.Of("en"));
        var call = new LineEntry(Guid.NewGuid(), Door.Phone, Swedish, owner.UserId);

        Assert.Equal(owner.UserId, Assert.Single(Routing.Offers([call], [idleLongest, owner], RoutingRule.LongestIdle)).AgentId);
        Assert.Equal(owner.UserId, Assert.Single(Routing.Offers([call], [idleLongest, owner], RoutingRule.RoundRobin)).AgentId);

        var ownerOnACall = owner with { FreeCalls = 0 };
        Assert.Equal(idleLongest.UserId, Assert.Single(Routing.Offers([call], [idleLongest, ownerOnACall], RoutingRule.LongestIdle)).AgentId);
        // Not present at all (away, or not working the queue): the line's rule chooses.
        Assert.Equal(idleLongest.UserId, Assert.Single(Routing.Offers([call], [idleLongest], RoutingRule.LongestIdle)).AgentId);
    }

    [Fact]
    public void NoAgents_NoOffers() => Assert.Empty(Routing.Offers([Chat()], [], RoutingRule.LongestIdle));
}

public sealed class SkillsTests
{
    [Fact]
    public void Parse_ReadsCommasAndSpaces_InLowerCase_OnceEach() =>
        Assert.Equal("billing,en,sv", Skills.Parse("SV, billing  en,sv").ToString());

    [Theory]
    [InlineData("sv, <script>")]
    [InlineData("a-skill-that-is-far-too-long-for-anyone")]
    public void Parse_RefusesWhatIsNotAShortWord(string text) =>
        Assert.Equal("Skills", Assert.Throws<DomainRuleException>(() => Skills.Parse(text)).Field);

    [Fact]
    public void Covers_NeedsEverySkill()
    {
        Assert.True(Skills.Of("sv", "billing", "en").Covers(Skills.Of("sv", "billing")));
        Assert.False(Skills.Of("sv").Covers(Skills.Of("sv", "billing")));
        Assert.True(Skills.Of("sv").Covers(Skills.None));
    }
}
