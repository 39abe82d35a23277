using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Customers;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Tests.Cases;

/// <summary>
/// Registrations that arrive together are written together (group commit, <see cref="CaseIntake"/>): every answer is a
/// committed case with a number of its own and its first timeline entries, and a registration at fault fails alone.
/// </summary>
public abstract class CaseIntakeTests(ApplicationHost host) : IAsyncLifetime
{
    private const int AtOnce = 40;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ManyAtOnce_EachAnswerIsACommittedCaseWithItsOwnNumber()
    {
        var (customerId, registrarId) = await CustomerAndRegistrarAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(i =>
            RegisterAsync(new RegisterCaseRequest(customerId, null, $"Räkningen {i}", "Dubbel debitering", null, Door.Phone, null), registrarId)));

        Assert.Equal(AtOnce, answers.Select(a => a.Number).Distinct().Count());
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Cases.AsNoTracking().Include(c => c.Timeline).Where(c => c.CustomerId == customerId).ToListAsync(Ct);
        Assert.Equal(answers.Select(a => (a.Number, a.Subject)).Order(), stored.Select(c => (c.Number, c.Subject)).Order());
        Assert.All(stored, c =>
        {
            Assert.Equal(registrarId, c.OwnerId);
            Assert.Equal([CaseEventKind.Created, CaseEventKind.Contact], c.Timeline.OrderBy(e => e.Id).Select(e => e.Kind));
        });
    }

    [Fact]
    public async Task AmongOthers_ARegistrationAtFaultFailsAloneAndTheOthersAreStored()
    {
        var (customerId, registrarId) = await CustomerAndRegistrarAsync();
        var nobody = Guid.CreateVersion7();

        var attempts = Enumerable.Range(0, AtOnce).Select(i => i switch
        {
            7 => new RegisterCaseRequest(nobody, null, "Ingen kund", null, null, Door.Phone, null),
            13 => new RegisterCaseRequest(customerId, null, "  ", null, null, Door.Phone, null),
            _ => new RegisterCaseRequest(customerId, null, $"Flytt {i}", null, null, Door.Email, null),
        }).Select(async request =>
        {
            try
            {
                return (Request: request, Number: (await RegisterAsync(request, registrarId)).Number, Refusal: (DomainRuleException?)null);
            }
            catch (DomainRuleException refused)
            {
                return (Request: request, Number: (string?)null, Refusal: refused);
            }
        });
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal("CustomerId", Assert.Single(outcomes, o => o.Request.CustomerId == nobody).Refusal?.Field);
        Assert.Equal("Subject", Assert.Single(outcomes, o => o.Request.Subject == "  ").Refusal?.Field);
        var stored = outcomes.Where(o => o.Refusal is null).ToList();
        Assert.Equal(AtOnce - 2, stored.Count);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(
            stored.Select(o => o.Number!).Order(),
            await db.Cases.Where(c => c.CustomerId == customerId).OrderBy(c => c.Number).Select(c => c.Number).ToListAsync(Ct));
    }

    [Fact]
    public async Task InTheCallersTransaction_ACaseIsWrittenThereAndGoesIfItRollsBack()
    {
        // A door that opens a case with its conversation writes both in one transaction: the case is not committed apart.
        var (customerId, registrarId) = await CustomerAndRegistrarAsync();
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            var registered = await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
                new RegisterCaseRequest(customerId, null, "Rollback", null, null, Door.Chat, null), registrarId, Ct);
            Assert.True(await db.Cases.AnyAsync(c => c.Number == registered.Number, Ct));
            await transaction.RollbackAsync(Ct);
        }

        await using var reading = host.Scope();
        Assert.False(await reading.ServiceProvider.GetRequiredService<AppDbContext>().Cases.AnyAsync(c => c.CustomerId == customerId, Ct));
    }

    private async Task<CaseDetails> RegisterAsync(RegisterCaseRequest request, Guid registrarId)
    {
        // Each in a scope of its own, as each HTTP request is.
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(request, registrarId, Ct);
    }

    private async Task<(Guid Customer, Guid Registrar)> CustomerAndRegistrarAsync()
    {
        await using var scope = host.Scope();
        var customer = await scope.ServiceProvider.GetRequiredService<RegisterCustomer>().HandleAsync(
            new RegisterCustomerRequest($"Intag {Guid.NewGuid():N}", [], [], null), Ct);
        var sara = await scope.ServiceProvider.GetRequiredService<StaffCards>().FindByEmailAsync("sara.holm@moment.test", Ct);
        return (customer.Id, sara!.Id);
    }
}

public sealed class CaseIntakeTestsOnSqlite(SqliteHost host) : CaseIntakeTests(host), IClassFixture<SqliteHost>;

public sealed class CaseIntakeTestsOnPostgres(PostgresHost host) : CaseIntakeTests(host), IClassFixture<PostgresHost>;
