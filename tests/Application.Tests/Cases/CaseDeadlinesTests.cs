using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Domain.Cases;
using Moment.TestSupport;

namespace Moment.Application.Tests.Cases;

/// <summary>What time alone does to cases, on a real database of each provider, with the clock in the test's hand.</summary>
public abstract class CaseDeadlinesTests(ApplicationHost host) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ProposedResolution_SilentThroughTheWindow_IsResolvedBySilenceOnce()
    {
        var number = await RegisterAsync("sara.holm@moment.test");
        await using (var scope = host.Scope())
            await scope.ServiceProvider.GetRequiredService<ProposeResolution>().HandleAsync(number, new ProposeResolutionRequest("Repaired.", null), await scope.ActorAsync("sara.holm@moment.test"), Ct);

        host.Time.Advance(TimeSpan.FromDays(7));
        int first, second;
        await using (var scope = host.Scope())
            first = await scope.ServiceProvider.GetRequiredService<CaseDeadlines>().HandleAsync(Ct);
        await using (var scope = host.Scope())
            second = await scope.ServiceProvider.GetRequiredService<CaseDeadlines>().HandleAsync(Ct);

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        await using var check = host.Scope();
        var @case = await check.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(number, Ct);
        Assert.Equal(CaseStatus.ResolvedBySilence, @case.Status);
        Assert.Single(@case.Timeline, e => e.Kind == CaseEventKind.ResolvedBySilence);
    }

    [Fact]
    public async Task TwoOffersUnanswered_LapseAndEscalateToTheTeamLead()
    {
        var number = await RegisterAsync("kim.aberg@moment.test");
        foreach (var receiver in new[] { "sara.holm@moment.test", "erik.sjo@moment.test" })
        {
            await using (var scope = host.Scope())
            {
                await scope.ServiceProvider.GetRequiredService<OfferHandOff>().HandleAsync(number,
                    new OfferHandOffRequest(null, receiver, null, "Charged twice", "Holiday", null), await scope.ActorAsync("kim.aberg@moment.test"), Ct);
            }

            host.Time.Advance(CasePolicy.Default.OfferTimeout);
            await using (var scope = host.Scope())
                await scope.ServiceProvider.GetRequiredService<CaseDeadlines>().HandleAsync(Ct);
        }

        await using var check = host.Scope();
        var @case = await check.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(number, Ct);
        Assert.Equal("Lars Borg", @case.Owner.Name);
        Assert.Equal(2, @case.Counts.Declines);
        Assert.Equal(1, @case.Counts.Escalations);
    }

    private async Task<string> RegisterAsync(string registrar)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = await db.Customers.Where(c => c.Name == "Nordbygg AB").Select(c => c.Id).FirstAsync(Ct);
        var registered = await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer, null, "Invoice charged twice", null, null, Door.Phone, null), await IdOfAsync(scope, registrar), Ct);
        return registered.Number;
    }

    private static Task<Guid> IdOfAsync(AsyncServiceScope scope, string email) =>
        scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync(Ct);
}

public sealed class CaseDeadlinesTestsOnSqlite(SqliteHost host) : CaseDeadlinesTests(host), IClassFixture<SqliteHost>;

public sealed class CaseDeadlinesTestsOnPostgres(PostgresHost host) : CaseDeadlinesTests(host), IClassFixture<PostgresHost>;
