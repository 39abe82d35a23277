using Moment.TestSupport;

namespace Moment.Web.Tests.Cases;

/// <summary>
/// The case page offers only what the reader may do, asking the same rules the use cases keep: Leadership reads and
/// never acts, another team's agent records contacts and notes but no public reply, link or hand-off, and only the
/// case's own team lead reassigns.
/// </summary>
public abstract class CasePageRulesTests(MomentApp app) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task CasePage_ShowsEachReaderOnlyWhatTheyMayDo()
    {
        using var sara = await app.ClientForAsync("sara.holm@moment.test");
        var number = await sara.NewCaseAsync("Charged twice");

        var owner = await PageAsync("sara.holm@moment.test", number);
        var otherAgent = await PageAsync("lina.strom@moment.test", number);
        var teamLead = await PageAsync("johan.ek@moment.test", number);
        var otherLead = await PageAsync("nora.vik@moment.test", number);
        var leadership = await PageAsync("per.dahl@moment.test", number);

        Assert.All(new[] { "contact-heading", "note-public", "link-heading", "handoff-heading" }, part => Assert.Contains(part, owner, StringComparison.Ordinal));
        Assert.Contains("contact-heading", otherAgent, StringComparison.Ordinal);
        Assert.Contains("note-heading", otherAgent, StringComparison.Ordinal);
        Assert.All(new[] { "note-public", "link-heading", "handoff-heading", "reassign-heading" }, part => Assert.DoesNotContain(part, otherAgent, StringComparison.Ordinal));
        Assert.Contains("reassign-heading", teamLead, StringComparison.Ordinal);
        Assert.Contains("note-public", teamLead, StringComparison.Ordinal);
        Assert.DoesNotContain("reassign-heading", otherLead, StringComparison.Ordinal);
        Assert.DoesNotContain("note-public", otherLead, StringComparison.Ordinal);
        Assert.All(new[] { "contact-heading", "note-heading", "handoff-heading", "reassign-heading", "quick-promise" },
            part => Assert.DoesNotContain(part, leadership, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CasePage_OffersNoLeadershipAsKeeperReceiverOrNewOwner()
    {
        using var sara = await app.ClientForAsync("sara.holm@moment.test");
        var number = await sara.NewCaseAsync("Charged twice");

        var owner = await PageAsync("sara.holm@moment.test", number);
        var teamLead = await PageAsync("johan.ek@moment.test", number);

        Assert.DoesNotContain("Per Dahl", owner, StringComparison.Ordinal);
        Assert.DoesNotContain("Per Dahl", teamLead, StringComparison.Ordinal);
        Assert.Contains(">Erik Sj", teamLead, StringComparison.Ordinal);
    }

    private async Task<string> PageAsync(string email, string number)
    {
        using var client = await app.SignedInClientAsync(email);
        return await client.GetStringAsync($"/cases/{number}", Ct);
    }
}

public sealed class CasePageRulesTestsOnSqlite(SqliteApp app) : CasePageRulesTests(app), IClassFixture<SqliteApp>;

public sealed class CasePageRulesTestsOnPostgres(PostgresApp app) : CasePageRulesTests(app), IClassFixture<PostgresApp>;
