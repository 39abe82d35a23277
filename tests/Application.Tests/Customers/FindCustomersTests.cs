using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Customers;
using Moment.Application.Data;
using Moment.Domain;

namespace Moment.Application.Tests.Customers;

/// <summary>
/// A customer's numbers and addresses are read without joining every number to every address (20 of each would be 400
/// rows a customer; 1,000 of each took 12 s), on a real database of each provider.
/// </summary>
public abstract class FindCustomersTests(ApplicationHost host) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task FindCustomer_WithTwentyNumbersAndTwentyAddresses_ReadsThemWithoutJoiningNumbersToAddresses()
    {
        Guid id;
        await using (var scope = host.Scope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<RegisterCustomer>().HandleAsync(new RegisterCustomerRequest(
                "Kvarnberg Fastigheter AB",
                [.. Enumerable.Range(10, 20).Select(n => $"08-555 00 {n}")],
                [.. Enumerable.Range(0, 20).Select(n => $"kontor{n}@kvarnberg.se")],
                null), Ct)).Id;
        }

        var commands = new CommandRecorder();
        await using (var scope = host.Scope())
        {
            var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
            var options = new DbContextOptionsBuilder<AppDbContext>(DatabaseSetup.BuildOptions(settings)).AddInterceptors(commands).Options;
            await using var db = new AppDbContext(options);
            var find = new FindCustomers(db);

            var byId = await find.ByIdAsync(id, withContactDetails: true, Ct);
            var byName = Assert.Single(await find.HandleAsync("kvarnberg", withContactDetails: true, Ct));

            Assert.Equal((20, 20), (byId!.PhoneNumbers.Count, byId.EmailAddresses.Count));
            Assert.Equal((20, 20), (byName.PhoneNumbers.Count, byName.EmailAddresses.Count));
        }

        Assert.NotEmpty(commands.Texts);
        Assert.DoesNotContain(commands.Texts, sql => sql.Contains("CustomerPhoneNumbers", StringComparison.Ordinal) && sql.Contains("CustomerEmailAddresses", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhatPeopleType_FindsTheCustomer_NameEitherWayRound_PartOfANumber_AndPartOfACaseNumber()
    {
        // Letters only: a name is a name, whatever digits a random part would bring.
        var unique = "Qvarn" + new string([.. Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + (c % 16)))]);
        Guid id;
        string caseNumber;
        await using (var scope = host.Scope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<RegisterCustomer>().HandleAsync(new RegisterCustomerRequest(
                $"Margit {unique}", ["08-917 53 46"], [], null), Ct)).Id;
            var sara = await scope.ServiceProvider.GetRequiredService<Moment.Application.Staff.StaffCards>().FindByEmailAsync("sara.holm@moment.test", Ct);
            caseNumber = (await scope.ServiceProvider.GetRequiredService<Moment.Application.Cases.RegisterCase>().HandleAsync(
                new Moment.Application.Cases.RegisterCaseRequest(id, null, "Räkningen", null, null, Domain.Cases.Door.Phone, null), sara!.Id, Ct)).Number;
        }

        await using var searching = host.Scope();
        var find = searching.ServiceProvider.GetRequiredService<FindCustomers>();
        Assert.Contains(id, (await find.HandleAsync($"{unique.ToLowerInvariant()} margit", withContactDetails: true, Ct)).Select(c => c.Id));
        Assert.Contains(id, (await find.HandleAsync("0891753", withContactDetails: true, Ct)).Select(c => c.Id));
        Assert.Contains(id, (await find.HandleAsync("53 46", withContactDetails: true, Ct)).Select(c => c.Id));
        // The case number's running part without its prefix, as read out by a customer.
        var running = caseNumber[^6..];
        Assert.Contains(id, (await find.HandleAsync(running, withContactDetails: true, Ct)).Select(c => c.Id));
        Assert.Contains(id, (await find.HandleAsync(running, withContactDetails: false, Ct)).Select(c => c.Id));
        // Without contact details, a number finds nobody by it: a whole one is refused, a part finds only case numbers.
        await Assert.ThrowsAsync<ForbiddenException>(() => find.HandleAsync("0891753", withContactDetails: false, Ct));
        Assert.DoesNotContain(id, (await find.HandleAsync("917 53", withContactDetails: false, Ct)).Select(c => c.Id));
        Assert.Empty(await find.HandleAsync($"{unique} Bertil", withContactDetails: true, Ct));
    }

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _texts = new();

        public IReadOnlyList<string> Texts => [.. _texts];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}

public sealed class FindCustomersTestsOnSqlite(SqliteHost host) : FindCustomersTests(host), IClassFixture<SqliteHost>;

public sealed class FindCustomersTestsOnPostgres(PostgresHost host) : FindCustomersTests(host), IClassFixture<PostgresHost>;
