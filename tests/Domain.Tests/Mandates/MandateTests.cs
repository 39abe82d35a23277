using Moment.Domain.Mandates;

namespace Moment.Domain.Tests.Mandates;

public sealed class MandateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Karin = Guid.NewGuid();
    private static readonly Guid Admin = Guid.NewGuid();

    private static readonly AuthorityLimit[] Limits =
    [
        AuthorityLimit.ForRole("Frontline", MandateKind.GoodwillCompensation, 500, 2_000, Admin, Now),
        AuthorityLimit.ForRole("Agent", MandateKind.GoodwillCompensation, 1_000, 10_000, Admin, Now),
        AuthorityLimit.ForRole("Frontline", MandateKind.Refund, 0, 0, Admin, Now),
    ];

    [Fact]
    public void LimitOf_SeveralRoles_TakesTheMostGenerous()
    {
        var limit = Mandate.LimitOf(MandateKind.GoodwillCompensation, Karin, ["Frontline", "Agent"], Limits);

        Assert.Equal(new MandateLimit(MandateKind.GoodwillCompensation, 1_000, 10_000), limit);
    }

    [Fact]
    public void LimitOf_PersonalException_ReplacesTheRolesLimitEvenWhenLower()
    {
        var exception = AuthorityLimit.ForPerson(Karin, MandateKind.GoodwillCompensation, 200, 1_000, Admin, Now);

        var limit = Mandate.LimitOf(MandateKind.GoodwillCompensation, Karin, ["Agent"], [.. Limits, exception]);

        Assert.Equal(200, limit!.PerCase);
    }

    [Theory]
    [InlineData(300, 0, 0, MandateVerdict.Within)]
    [InlineData(500, 0, 0, MandateVerdict.Within)]
    [InlineData(501, 0, 0, MandateVerdict.AbovePerCase)]
    [InlineData(300, 300, 300, MandateVerdict.AbovePerCase)]
    [InlineData(300, 0, 1_800, MandateVerdict.AbovePerMonth)]
    [InlineData(300, 0, 1_700, MandateVerdict.Within)]
    public void Check_AgainstFrontlineGoodwill_IsWithinOrNamesTheLimitPassed(int amount, int onCase, int thisMonth, MandateVerdict expected)
    {
        var limit = Mandate.LimitOf(MandateKind.GoodwillCompensation, Karin, ["Frontline"], Limits);

        Assert.Equal(expected, Mandate.Check(limit, amount, onCase, thisMonth));
    }

    [Fact]
    public void Check_NoMandateOrZero_IsNone()
    {
        Assert.Equal(MandateVerdict.None, Mandate.Check(Mandate.LimitOf(MandateKind.Refund, Karin, ["Frontline"], Limits), 1, 0, 0));
        Assert.Equal(MandateVerdict.None, Mandate.Check(Mandate.LimitOf(MandateKind.TechnicianVisit, Karin, ["Frontline"], Limits), 1, 0, 0));
    }

    [Fact]
    public void Limits_PerCaseAbovePerMonthOrNoAmount_AreRefused()
    {
        Assert.Equal("PerCase", Assert.Throws<DomainRuleException>(() => AuthorityLimit.ForRole("Agent", MandateKind.Refund, 2_000, 1_000, Admin, Now)).Field);
        Assert.Equal("Amount", Assert.Throws<DomainRuleException>(() => Mandate.Check(null, 0, 0, 0)).Field);
    }
}
