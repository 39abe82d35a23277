using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Customers;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Domain.Customers;

namespace Moment.Application.Tests.Customers;

/// <summary>Correcting a customer's details and merging a customer registered twice, on a real database of each provider.</summary>
public abstract class EditAndMergeCustomersTests(ApplicationHost host) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task CorrectedDetails_AreEachKeptInTheHistory_WithWhoChangedThem()
    {
        var id = await RegisterAsync("Margit Anderson", ["08-123 45 67"], ["margit@example.se"]);
        var sara = await ActorAsync("sara.holm@moment.test");

        await using (var scope = host.Scope())
        {
            var edited = await scope.ServiceProvider.GetRequiredService<EditCustomer>().HandleAsync(id,
                new EditCustomerRequest("Margit Andersson", ["070-123 45 67"], ["margit@example.se"], "Storgatan 1, 123 45 Ort", null), sara, Ct);
            Assert.Equal(["+46701234567"], edited.PhoneNumbers);
        }

        await using var check = host.Scope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var history = await db.CustomerChanges.AsNoTracking().Where(c => c.CustomerId == id).OrderBy(c => c.Id).ToListAsync(Ct);
        Assert.Equal(
            [(CustomerChangeKind.Renamed, "Margit Anderson", "Margit Andersson"), (CustomerChangeKind.PhoneNumberRemoved, "+4681234567", null),
             (CustomerChangeKind.PhoneNumberAdded, null, "+46701234567"), (CustomerChangeKind.PostalAddressChanged, null, "Storgatan 1, 123 45 Ort")],
            history.Select(c => (c.Kind, c.From, c.To)));
        Assert.All(history, c => Assert.Equal(sara.Id, c.ById));
        Assert.Equal("margit andersson", await db.Customers.Where(c => c.Id == id).Select(c => c.SearchName).SingleAsync(Ct));
    }

    [Fact]
    public async Task TheLanguage_SetChangedAndForgotten_IsKeptInTheHistoryEachTime()
    {
        var id = await RegisterAsync("Ingrid Språk", [], ["ingrid@example.se"]);
        var sara = await ActorAsync("sara.holm@moment.test");

        foreach (var language in new CustomerLanguage?[] { CustomerLanguage.English, CustomerLanguage.English, CustomerLanguage.Swedish, null })
        {
            await using var scope = host.Scope();
            var edited = await scope.ServiceProvider.GetRequiredService<EditCustomer>().HandleAsync(id,
                new EditCustomerRequest("Ingrid Språk", [], ["ingrid@example.se"], null, language), sara, Ct);
            Assert.Equal(language, edited.Language);
        }

        await using var check = host.Scope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(
            [(CustomerChangeKind.LanguageChanged, null, "English"), (CustomerChangeKind.LanguageChanged, "English", "Swedish"),
             (CustomerChangeKind.LanguageChanged, "Swedish", null)],
            (await db.CustomerChanges.AsNoTracking().Where(c => c.CustomerId == id).OrderBy(c => c.Id).ToListAsync(Ct)).Select(c => (c.Kind, c.From, c.To)));
        Assert.Null(await db.Customers.Where(c => c.Id == id).Select(c => c.Language).SingleAsync(Ct));
    }

    [Fact]
    public async Task ALanguageMomentDoesNotWriteIn_IsRefusedAtItsField_AndNothingChanges()
    {
        var id = await RegisterAsync("Olle Okänd", ["08-765 43 99"], []);
        var sara = await ActorAsync("sara.holm@moment.test");
        await using (var scope = host.Scope())
        {
            var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => scope.ServiceProvider.GetRequiredService<EditCustomer>().HandleAsync(id,
                new EditCustomerRequest("Olle Känd", ["08-765 43 99"], [], null, (CustomerLanguage)7), sara, Ct));
            Assert.Equal("Language", refusal.Field);
        }

        await using var check = host.Scope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == id, Ct);
        Assert.Equal(("Olle Okänd", (CustomerLanguage?)null), (customer.Name, customer.Language));
        Assert.Empty(await db.CustomerChanges.Where(c => c.CustomerId == id).ToListAsync(Ct));
    }

    [Fact]
    public async Task Merging_KeepsTheKeptCustomersLanguage_OrTakesTheOthersWhenItHasNone()
    {
        var sara = await ActorAsync("sara.holm@moment.test");
        var unknown = await RegisterAsync("Kalle Tvåspråk", ["08-333 21 01"], []);
        var english = await RegisterAsync("Tvåspråk Kalle", ["08-333 21 02"], []);
        await using (var scope = host.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<EditCustomer>().HandleAsync(english,
                new EditCustomerRequest("Tvåspråk Kalle", ["08-333 21 02"], [], null, CustomerLanguage.English), sara, Ct);
        }

        await using (var scope = host.Scope())
        {
            var merged = await scope.ServiceProvider.GetRequiredService<MergeCustomers>().HandleAsync(unknown, new MergeCustomersRequest(english), sara, Ct);
            Assert.Equal(CustomerLanguage.English, merged.Language);
        }

        await using var check = host.Scope();
        Assert.Contains((CustomerChangeKind.LanguageChanged, (string?)null, (string?)"English"), (await check.ServiceProvider.GetRequiredService<AppDbContext>().CustomerChanges
            .AsNoTracking().Where(c => c.CustomerId == unknown).ToListAsync(Ct)).Select(c => (c.Kind, c.From, c.To)));
    }

    [Fact]
    public async Task ABadNumber_IsRefusedAtItsField_AndNothingChanges()
    {
        var id = await RegisterAsync("Bertil Fel", ["08-765 43 21"], []);
        var sara = await ActorAsync("sara.holm@moment.test");
        await using (var scope = host.Scope())
        {
            var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => scope.ServiceProvider.GetRequiredService<EditCustomer>().HandleAsync(id,
                new EditCustomerRequest("Bertil Rätt", ["08-765 43 21", "inte ett nummer"], [], null, null), sara, Ct));
            Assert.Equal("PhoneNumbers", refusal.Field);
        }

        await using var check = host.Scope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal("Bertil Fel", await db.Customers.Where(c => c.Id == id).Select(c => c.Name).SingleAsync(Ct));
        Assert.Empty(await db.CustomerChanges.Where(c => c.CustomerId == id).ToListAsync(Ct));
    }

    [Fact]
    public async Task MergingACustomerRegisteredTwice_MovesTheirCasesNumbersAndAddresses_AndRemovesTheOther()
    {
        var kept = await RegisterAsync("Margit Svensson", ["08-222 33 44"], []);
        var twice = await RegisterAsync("Svensson Margit", ["070-222 33 44", "08-222 33 44"], ["margit.s@example.se"]);
        var sara = await ActorAsync("sara.holm@moment.test");
        var onKept = await RegisterCaseAsync(kept, sara, "Räkningen");
        var onTwice = await RegisterCaseAsync(twice, sara, "Bredbandet");

        await using (var scope = host.Scope())
        {
            var merged = await scope.ServiceProvider.GetRequiredService<MergeCustomers>().HandleAsync(kept, new MergeCustomersRequest(twice), sara, Ct);
            Assert.Equal(["+4682223344", "+46702223344"], merged.PhoneNumbers);
            Assert.Equal(["margit.s@example.se"], merged.EmailAddresses);
        }

        await using var check = host.Scope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Customers.AnyAsync(c => c.Id == twice, Ct));
        Assert.Equal([kept, kept], await db.Cases.Where(c => c.Number == onKept || c.Number == onTwice).Select(c => c.CustomerId).ToListAsync(Ct));
        var history = await db.CustomerChanges.AsNoTracking().Where(c => c.CustomerId == kept).OrderBy(c => c.Id).ToListAsync(Ct);
        Assert.Equal((CustomerChangeKind.Merged, "Svensson Margit"), (history[0].Kind, history[0].From));
        Assert.Equal(3, history.Count);
        // The profile sees both cases.
        var profile = await check.ServiceProvider.GetRequiredService<CustomerProfile>().HandleAsync(kept, sara, Ct);
        Assert.Equal(2, profile!.CaseCount);
    }

    [Fact]
    public async Task AMergeThatWouldDropNumbers_OrOfACustomerWithThemselves_IsRefused_AndNothingMoves()
    {
        var kept = await RegisterAsync("Full Nummerlista AB", [.. Enumerable.Range(10, 15).Select(n => $"08-555 02 {n}")], []);
        var other = await RegisterAsync("Nummerlista Full AB", [.. Enumerable.Range(30, 10).Select(n => $"08-555 02 {n}")], []);
        var sara = await ActorAsync("sara.holm@moment.test");
        var onOther = await RegisterCaseAsync(other, sara, "Växeln");

        await using (var scope = host.Scope())
        {
            var merge = scope.ServiceProvider.GetRequiredService<MergeCustomers>();
            Assert.Equal("PhoneNumbers", (await Assert.ThrowsAsync<DomainRuleException>(() => merge.HandleAsync(kept, new MergeCustomersRequest(other), sara, Ct))).Field);
        }

        await using (var scope = host.Scope())
        {
            var merge = scope.ServiceProvider.GetRequiredService<MergeCustomers>();
            Assert.Equal("OtherCustomerId", (await Assert.ThrowsAsync<DomainRuleException>(() => merge.HandleAsync(kept, new MergeCustomersRequest(kept), sara, Ct))).Field);
        }

        await using var check = host.Scope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.Customers.AnyAsync(c => c.Id == other, Ct));
        Assert.Equal(other, await db.Cases.Where(c => c.Number == onOther).Select(c => c.CustomerId).SingleAsync(Ct));
        Assert.Empty(await db.CustomerChanges.Where(c => c.CustomerId == kept).ToListAsync(Ct));
    }

    private async Task<Guid> RegisterAsync(string name, IReadOnlyList<string> phones, IReadOnlyList<string> emails)
    {
        await using var scope = host.Scope();
        return (await scope.ServiceProvider.GetRequiredService<RegisterCustomer>().HandleAsync(new RegisterCustomerRequest(name, phones, emails, null), Ct)).Id;
    }

    private async Task<string> RegisterCaseAsync(Guid customerId, Actor registrar, string subject)
    {
        await using var scope = host.Scope();
        return (await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customerId, null, subject, null, null, Door.Phone, null), registrar.Id, Ct)).Number;
    }

    private async Task<Actor> ActorAsync(string email)
    {
        await using var scope = host.Scope();
        return Actor.Of((await scope.ServiceProvider.GetRequiredService<StaffCards>().FindByEmailAsync(email, Ct))!);
    }
}

public sealed class EditAndMergeCustomersTestsOnSqlite(SqliteHost host) : EditAndMergeCustomersTests(host), IClassFixture<SqliteHost>;

public sealed class EditAndMergeCustomersTestsOnPostgres(PostgresHost host) : EditAndMergeCustomersTests(host), IClassFixture<PostgresHost>;
