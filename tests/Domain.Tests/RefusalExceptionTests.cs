namespace Moment.Domain.Tests;

public sealed class RefusalExceptionTests
{
    [Fact]
    public void Message_WithARefusalAsArgument_SaysItByItsEnglishMessage_AndKeepsItForThePage()
    {
        var inner = new DomainRuleException("That person already owns the case.", "OwnerId");
        var outer = new DomainRuleException("Case {0}: {1}", inner.Field, "M-2026-000002", inner);

        Assert.Equal("Case M-2026-000002: That person already owns the case.", outer.Message);
        Assert.Same(inner, outer.MessageArguments[1]);
    }
}
