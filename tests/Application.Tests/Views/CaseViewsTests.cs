using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Customers;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Application.Views;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.TestSupport;

namespace Moment.Application.Tests.Views;

/// <summary>The desk's views and the search over cases' words, on a real database of each provider.</summary>
public abstract class CaseViewsTests(ApplicationHost host) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ReadView_CasesWithTheSameSortKey_PagesThroughEachOnceByKeyset()
    {
        // The host's clock stands still: all five cases are changed at the same instant, so only their ids order them.
        var (reader, _) = await NewAgentWithCasesAsync(5, CasePriority.Normal);
        await using var scope = host.Scope();
        var read = scope.ServiceProvider.GetRequiredService<ReadView>();

        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await read.HandleAsync(new ViewRequest(CaseView.MyOpen, After: after, PageSize: 2), reader, Ct);
            Assert.Equal(5, page.Count);
            seen.AddRange(page.Rows.Select(r => r.Number));
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(5, seen.Distinct().Count());
        var all = await read.HandleAsync(new ViewRequest(CaseView.MyOpen, PageSize: 10), reader, Ct);
        Assert.Equal(all.Rows.Select(r => r.Number), seen);
        Assert.Null(all.Next);

        var oldestFirst = new List<string>();
        after = null;
        do
        {
            var page = await read.HandleAsync(new ViewRequest(CaseView.MyOpen, Sort: ViewSort.CreatedOldest, After: after, PageSize: 3), reader, Ct);
            oldestFirst.AddRange(page.Rows.Select(r => r.Number));
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(Enumerable.Reverse(seen), oldestFirst);
    }

    [Fact]
    public async Task ReadView_Filtered_CountsAndListsOnlyTheMatchingCases_AndAFilteredSavedViewIsTheReadersOnly()
    {
        var (reader, numbers) = await NewAgentWithCasesAsync(3, CasePriority.Urgent);
        await NewCaseAsync(reader.Id, CasePriority.Low, "Lågt prioriterat");
        await using var scope = host.Scope();
        var read = scope.ServiceProvider.GetRequiredService<ReadView>();

        var urgent = await read.HandleAsync(new ViewRequest(CaseView.MyOpen, new ViewFilter(Priority: CasePriority.Urgent, Door: Door.Phone)), reader, Ct);
        Assert.Equal(3, urgent.Count);
        Assert.Equal(numbers.Order(), urgent.Rows.Select(r => r.Number).Order());
        Assert.Empty((await read.HandleAsync(new ViewRequest(CaseView.MyOpen, new ViewFilter(Door: Door.Email)), reader, Ct)).Rows);
        Assert.Equal(0, (await read.HandleAsync(new ViewRequest(CaseView.MyOpen, new ViewFilter(MinAgeDays: 1)), reader, Ct)).Count);
        Assert.Equal(0, (await read.HandleAsync(new ViewRequest(CaseView.WaitingForCustomer), reader, Ct)).Count);

        var saved = await scope.ServiceProvider.GetRequiredService<SaveView>().HandleAsync(
            null, new SaveViewRequest("Brådskande", CaseView.MyOpen, new ViewFilter(Priority: CasePriority.Urgent), ViewSort.CreatedOldest), reader, Ct);
        var fromSaved = await read.HandleAsync(new ViewRequest(SavedViewId: saved.Id), reader, Ct);
        Assert.Equal((3, ViewSort.CreatedOldest), (fromSaved.Count, fromSaved.Sort));
        var listed = await scope.ServiceProvider.GetRequiredService<ListViews>().HandleAsync(reader, Ct);
        Assert.Equal(4, listed.Single(v => v.View == CaseView.MyOpen && v.SavedViewId is null).Count);
        Assert.Equal(3, listed.Single(v => v.SavedViewId == saved.Id).Count);

        await Assert.ThrowsAsync<ConflictException>(() => scope.ServiceProvider.GetRequiredService<SaveView>().HandleAsync(
            null, new SaveViewRequest("Brådskande", CaseView.MyTeam, null), reader, Ct));
        var someoneElse = await scope.ActorAsync("sara.holm@moment.test");
        await Assert.ThrowsAsync<NotFoundException>(() => read.HandleAsync(new ViewRequest(SavedViewId: saved.Id), someoneElse, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => scope.ServiceProvider.GetRequiredService<DeleteView>().HandleAsync(saved.Id, someoneElse, Ct));
        await scope.ServiceProvider.GetRequiredService<DeleteView>().HandleAsync(saved.Id, reader, Ct);
    }

    [Fact]
    public async Task ReadView_BadInput_IsRefusedAtItsField()
    {
        await using var scope = host.Scope();
        var read = scope.ServiceProvider.GetRequiredService<ReadView>();
        var reader = await scope.ActorAsync("sara.holm@moment.test");

        Assert.Equal("after", (await Assert.ThrowsAsync<DomainRuleException>(() => read.HandleAsync(new ViewRequest(After: "not-a-page"), reader, Ct))).Field);
        Assert.Equal("limit", (await Assert.ThrowsAsync<DomainRuleException>(() => read.HandleAsync(new ViewRequest(PageSize: 0), reader, Ct))).Field);
        Assert.Equal("maxAgeDays", (await Assert.ThrowsAsync<DomainRuleException>(() => read.HandleAsync(
            new ViewRequest(Filter: new ViewFilter(MinAgeDays: 5, MaxAgeDays: 2)), reader, Ct))).Field);
        Assert.Equal("priority", Assert.Throws<DomainRuleException>(() => ViewInput.Filter(null, "soon", null, null, null, null, null, null)).Field);
        Assert.Equal(CaseView.TeamOffers, ViewInput.Choice<CaseView>("teamOffers", "view"));
    }

    [Fact]
    public async Task SearchCases_AWordOfTheDescription_FindsTheCase_WhateverItsCaseAndAsAWordsStart()
    {
        var (reader, _) = await NewAgentWithCasesAsync(0, CasePriority.Normal);
        var word = "Översvämning" + new string([.. Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 16)))]);
        var number = await NewCaseAsync(reader.Id, CasePriority.Normal, "Källaren", $"Kunden berättar om {word} i källaren efter regnet.");
        await using var scope = host.Scope();
        var search = scope.ServiceProvider.GetRequiredService<SearchCases>();

        Assert.Equal(number, Assert.Single(await search.HandleAsync(word.ToLowerInvariant(), Ct)).Number);
        Assert.Equal(number, Assert.Single(await search.HandleAsync($"{word[..^2].ToUpperInvariant()} källaren", Ct)).Number);
        Assert.Empty(await search.HandleAsync($"{word} vinden", Ct));
        Assert.Empty(await search.HandleAsync("!", Ct));
        Assert.True(SearchCases.LooksLikeWords("andersson margit"));
        Assert.False(SearchCases.LooksLikeWords("070-012 34 56") || SearchCases.LooksLikeWords("m-2026-000123") || SearchCases.LooksLikeWords("kund@example.se"));
    }

    [Fact]
    public async Task TeamOffers_ListsAnOfferToTheTeam_UntilItLapses_AlsoBeforeTheSweepMarksIt()
    {
        var (owner, numbers) = await NewAgentWithCasesAsync(1, CasePriority.Normal);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var phone = await db.Teams.Where(t => t.Name == "Phone").Select(t => t.Id).SingleAsync(Ct);
        var memberId = await scope.ServiceProvider.GetRequiredService<SaveStaffMember>().HandleAsync(new SaveStaffMemberRequest(
            null, "Ville Vy", $"ville.{Guid.NewGuid():N}@moment.test", [StaffRoles.Agent], phone, true, "Views-test-2026"), Ct);
        var member = new Actor(memberId, phone, [StaffRoles.Agent]);
        var views = scope.ServiceProvider.GetRequiredService<CaseViews>();
        async Task<List<string>> OfferedAsync() =>
            await (await views.CasesAsync(CaseView.TeamOffers, ViewFilter.None, member, Ct)).Select(c => c.Number).ToListAsync(Ct);

        var offerId = await scope.ServiceProvider.GetRequiredService<OfferHandOff>().HandleAsync(
            numbers[0], new OfferHandOffRequest(null, null, phone, "Wants the invoice split", "Billing is the phone team's", null), owner, Ct);
        Assert.Contains(numbers[0], await OfferedAsync());

        var offer = await db.HandOffs.AsNoTracking().SingleAsync(h => h.Id == offerId, Ct);
        host.Time.Advance(offer.ExpiresAt - host.Time.GetUtcNow());
        Assert.Equal(HandOffState.Pending, (await db.HandOffs.AsNoTracking().SingleAsync(h => h.Id == offerId, Ct)).State);
        Assert.DoesNotContain(numbers[0], await OfferedAsync());
        Assert.DoesNotContain(await scope.ServiceProvider.GetRequiredService<ListOffers>().HandleAsync(memberId, Ct), o => o.HandOffId == offerId);
    }

    private async Task<(Actor Reader, IReadOnlyList<string> Numbers)> NewAgentWithCasesAsync(int cases, CasePriority priority)
    {
        Guid id;
        await using (var scope = host.Scope())
        {
            id = await scope.ServiceProvider.GetRequiredService<SaveStaffMember>().HandleAsync(new SaveStaffMemberRequest(
                null, "Vera Vy", $"vera.{Guid.NewGuid():N}@moment.test", [StaffRoles.Agent], null, true, "Views-test-2026"), Ct);
        }

        var numbers = new List<string>();
        for (var i = 0; i < cases; i++)
            numbers.Add(await NewCaseAsync(id, priority, $"Ärende {i}"));
        return (new Actor(id, null, [StaffRoles.Agent]), numbers);
    }

    private async Task<string> NewCaseAsync(Guid ownerId, CasePriority priority, string subject, string? description = null)
    {
        await using var scope = host.Scope();
        var customer = await scope.ServiceProvider.GetRequiredService<RegisterCustomer>().HandleAsync(new RegisterCustomerRequest("Vilma Vy", [], [], null), Ct);
        return (await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer.Id, null, subject, description, priority, Door.Phone, null), ownerId, Ct)).Number;
    }
}

public sealed class CaseViewsTestsOnSqlite(SqliteHost host) : CaseViewsTests(host), IClassFixture<SqliteHost>;

public sealed class CaseViewsTestsOnPostgres(PostgresHost host) : CaseViewsTests(host), IClassFixture<PostgresHost>;
