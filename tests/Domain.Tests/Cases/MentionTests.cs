using Moment.Domain.Cases;

namespace Moment.Domain.Tests.Cases;

/// <summary>@mentions in internal notes: which handles a text mentions, and the entries a note with mentions writes.</summary>
public sealed class MentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("@erik.sjo kan du titta på routern?", new[] { "erik.sjo" })]
    [InlineData("Fråga @Erik.Sjo och @lina.strom, sen @erik.sjo igen.", new[] { "erik.sjo", "lina.strom" })]
    [InlineData("(@kim.aberg) @sara-holm: klart", new[] { "kim.aberg", "sara-holm" })]
    [InlineData("Mejla margit@example.se eller ring.", new string[0])]
    [InlineData("@ ensam, @. och @@dubbel", new string[0])]
    [InlineData("Hör med @åsa.öberg!", new[] { "åsa.öberg" })]
    public void Handles_OfANote_AreTheMentionedHandlesOnceEachInLowerCase(string text, string[] handles) =>
        Assert.Equal(handles, Mentions.Handles(text));

    [Theory]
    [InlineData("Sara.Holm@moment.test", "sara.holm")]
    [InlineData("erik.sjo@moment.test", "erik.sjo")]
    public void HandleOf_AWorkEmail_IsThePartBeforeTheAt(string email, string handle) => Assert.Equal(handle, Mentions.HandleOf(email));

    [Fact]
    public void AddNote_Mentioning_WritesAnEntryPerColleagueAndTheOwnerStays()
    {
        var owner = Guid.NewGuid();
        var erik = Guid.NewGuid();
        var lina = Guid.NewGuid();
        var @case = Case.Register(new CaseRegistration(
            "M-2026-000001", Guid.NewGuid(), Guid.NewGuid(), "Routern startar om", null, CasePriority.Normal, Door.Phone, owner, Guid.NewGuid(), new string('t', 43)), Now);

        @case.AddNote(owner, "@erik.sjo @lina.strom vet ni?", isPublic: false, null, Now, [erik, lina, erik]);

        Assert.Equal(owner, @case.OwnerId);
        Assert.Equal(
            [(CaseEventKind.InternalNote, (Guid?)null), (CaseEventKind.Mentioned, erik), (CaseEventKind.Mentioned, lina)],
            @case.Timeline.Skip(2).Select(e => (e.Kind, e.SubjectUserId)));
        Assert.All(@case.Timeline.Skip(2), e => Assert.False(e.IsPublic));
    }

    [Fact]
    public void AddNote_APublicReplyMentioning_IsRefusedAtTheText()
    {
        var owner = Guid.NewGuid();
        var @case = Case.Register(new CaseRegistration(
            "M-2026-000002", Guid.NewGuid(), Guid.NewGuid(), "Routern", null, CasePriority.Normal, Door.Phone, owner, Guid.NewGuid(), new string('t', 43)), Now);

        var refusal = Assert.Throws<DomainRuleException>(() => @case.AddNote(owner, "Hej!", isPublic: true, null, Now, [Guid.NewGuid()]));

        Assert.Equal("Text", refusal.Field);
    }
}
