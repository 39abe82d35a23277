using Moment.Domain.KnownIssues;

namespace Moment.Domain.Tests.KnownIssues;

public sealed class KnownIssueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static KnownIssueText Text(KnownIssueStatus status = KnownIssueStatus.Investigating, string? workaround = null) =>
        new("App closes on seat choice", "Booking app", "The app closes when you choose a seat on Android 14.", workaround, status, null, null);

    [Fact]
    public void Register_WorkaroundWithoutSayingWhich_IsRefusedAtTheWorkaround()
    {
        var refusal = Assert.Throws<DomainRuleException>(() => KnownIssue.Register(Text(KnownIssueStatus.Workaround), Guid.NewGuid(), Now));
        Assert.Equal("Workaround", refusal.Field);
    }

    [Fact]
    public void Register_AsFixed_IsRefused()
    {
        Assert.Throws<DomainRuleException>(() => KnownIssue.Register(Text(KnownIssueStatus.Fixed), Guid.NewGuid(), Now));
    }

    [Fact]
    public void MarkFixed_Twice_IsAConflictAndAFixedIssueIsNotRevised()
    {
        var issue = KnownIssue.Register(Text(), Guid.NewGuid(), Now);
        issue.MarkFixed(Now.AddDays(3));

        Assert.False(issue.IsActive);
        Assert.Equal(Now.AddDays(3), issue.FixedAt);
        Assert.Throws<ConflictException>(() => issue.MarkFixed(Now.AddDays(4)));
        Assert.Throws<ConflictException>(() => issue.Revise(Text(KnownIssueStatus.Workaround, "Use the web"), Now.AddDays(4)));
    }

    [Theory]
    [InlineData("Bokningsappen stänger sig när han väljer plats", true)]
    [InlineData("Appen kraschade vid platsvalet igen", true)]
    [InlineData("Fakturan är fel, dubbeldebitering", false)]
    [InlineData("", false)]
    public void Best_CaseText_FindsTheIssueByInflectionsAndCompoundWords(string text, bool found)
    {
        var issue = ("Appen kraschar vid platsval", "Bokningsappen", "Appen stänger sig när man väljer plats på Android 14.");

        var best = KnownIssueMatching.Best(text, [issue], i => i);

        Assert.Equal(found, best.Count == 1);
    }
}
