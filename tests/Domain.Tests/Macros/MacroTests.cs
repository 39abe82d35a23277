using Moment.Domain.Macros;

namespace Moment.Domain.Tests.Macros;

public sealed class MacroTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);

    private static readonly MacroValues Margit = new("Margit", "M-2026-000123", "Sara Holm", "https://moment.example.se/c/abc");

    [Fact]
    public void Fill_SwedishPlaceholders_AreTheCasesValues()
    {
        var text = MacroText.Fill("Hej {förnamn}! Ditt ärende {ärendenummer} följer du på {länk}. Hälsningar {ansvarig}", Margit);

        Assert.Equal("Hej Margit! Ditt ärende M-2026-000123 följer du på https://moment.example.se/c/abc. Hälsningar Sara Holm", text);
    }

    [Fact]
    public void Fill_EnglishPlaceholdersInAnyCaseAndSpacing_AreTheCasesValues()
    {
        var text = MacroText.Fill("Dear {First Name}, case {case  number} ({ LINK }), {owner}", Margit);

        Assert.Equal("Dear Margit, case M-2026-000123 (https://moment.example.se/c/abc), Sara Holm", text);
    }

    [Fact]
    public void Fill_OtherBracketsAndAValueLikeAPlaceholder_AreLeftAsWritten()
    {
        var text = MacroText.Fill("{förnamn} {} {a,b}", Margit with { CustomerFirstName = "{länk}" });

        Assert.Equal("{länk} {} {a,b}", text);
    }

    [Fact]
    public void Write_UnknownPlaceholder_IsRefusedAtTheBodyNamingIt()
    {
        var refusal = Assert.Throws<DomainRuleException>(() =>
            Macro.Personal(Guid.NewGuid(), new MacroContent("tack", "Hej {fornamn}!", MacroLanguage.Swedish, MacroUse.PublicReply), Now));

        Assert.Equal("Body", refusal.Field);
        Assert.Equal("{fornamn}", refusal.MessageArguments[0]);
    }

    [Theory]
    [InlineData("", "Name")]
    [InlineData("two words", "Name")]
    public void Write_NameNotOneWord_IsRefusedAtTheName(string name, string field)
    {
        var refusal = Assert.Throws<DomainRuleException>(() =>
            Macro.Personal(Guid.NewGuid(), new MacroContent(name, "Tack!", MacroLanguage.Swedish, null), Now));

        Assert.Equal(field, refusal.Field);
    }

    [Fact]
    public void Write_WithoutLanguage_IsRefusedAtTheLanguage()
    {
        var refusal = Assert.Throws<DomainRuleException>(() => Macro.Personal(Guid.NewGuid(), new MacroContent("tack", "Tack!", null, null), Now));

        Assert.Equal("Language", refusal.Field);
    }

    [Fact]
    public void Write_ForATeam_IsTheTeamsWithAPublicReplyByDefaultAndRevisedBumpsTheVersion()
    {
        var team = Guid.NewGuid();
        var macro = Macro.ForTeam(team, Guid.NewGuid(), new MacroContent(" tack ", " Tack för att du hörde av dig! ", MacroLanguage.Swedish, null), Now);

        Assert.Equal((team, (Guid?)null, "tack", "Tack för att du hörde av dig!", MacroUse.PublicReply, 1), (macro.TeamId!.Value, macro.OwnerId, macro.Name, macro.Body, macro.Use, macro.Version));
        macro.Revise(new MacroContent("tack", "Tack!", MacroLanguage.Swedish, MacroUse.InternalNote), Now.AddHours(1));
        Assert.Equal((2, MacroUse.InternalNote, Now.AddHours(1)), (macro.Version, macro.Use, macro.UpdatedAt));
    }

    [Theory]
    [InlineData("Margit Andersson", "Margit")]
    [InlineData("  Nordbygg ", "Nordbygg")]
    public void FirstName_OfAName_IsItsFirstWord(string name, string first) => Assert.Equal(first, MacroText.FirstName(name));
}
