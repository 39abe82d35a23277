using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Macros;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Domain.Macros;
using Moment.TestSupport;

namespace Moment.Application.Tests.Macros;

/// <summary>Canned replies on a real database of each provider: whose they are, who keeps them, and filled in for a case.</summary>
public abstract class MacroTests(ApplicationHost host) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";
    private const string Erik = "erik.sjo@moment.test";
    private const string Johan = "johan.ek@moment.test";
    private const string Nora = "nora.vik@moment.test";
    private const string Lina = "lina.strom@moment.test";

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MacroContent Thanks(string name, MacroUse use = MacroUse.PublicReply) =>
        new(name, "Hej {förnamn}! Ditt ärende {ärendenummer} följer du på {länk}. Hälsningar {ansvarig}", MacroLanguage.Swedish, use);

    [Fact]
    public async Task WriteMacro_PersonalAndTeams_EachSeesTheirOwnAndTheirTeamsOnly()
    {
        var own = await WriteAsync(Sara, Thanks("sara-own"));
        var phone = await WriteAsync(Johan, Thanks("phone-team"), teamOf: Johan);
        var chat = await WriteAsync(Nora, Thanks("chat-team"), teamOf: Nora);
        await using var scope = host.Scope();
        var views = scope.ServiceProvider.GetRequiredService<MacroViews>();

        var saras = await views.ForAsync(await scope.ActorAsync(Sara), Ct);
        var eriks = await views.ForAsync(await scope.ActorAsync(Erik), Ct);

        Assert.Contains(saras, m => m.Id == own && m.IsPersonal && m.MayKeep);
        Assert.Contains(saras, m => m.Id == phone && !m.IsPersonal && !m.MayKeep && m.TeamName == "Phone");
        Assert.DoesNotContain(saras, m => m.Id == chat);
        Assert.DoesNotContain(eriks, m => m.Id == own);
        Assert.Contains(eriks, m => m.Id == phone);
    }

    [Fact]
    public async Task WriteMacro_ForATeamByAnAgentOrAnotherTeamsLead_IsForbidden()
    {
        await using var scope = host.Scope();
        var write = scope.ServiceProvider.GetRequiredService<WriteMacro>();
        var phoneTeam = (await scope.ActorAsync(Johan)).TeamId;
        var sara = await scope.ActorAsync(Sara);
        var nora = await scope.ActorAsync(Nora);

        await Assert.ThrowsAsync<ForbiddenException>(() => write.HandleAsync(sara, new WriteMacroRequest(Thanks("agents-team"), phoneTeam), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => write.HandleAsync(nora, new WriteMacroRequest(Thanks("noras-phone"), phoneTeam), Ct));
    }

    [Fact]
    public async Task ReviseMacro_AnotherTeamsOrSomeoneElsesOwn_IsRefusedAndTheKeeperRevisesAndDeletes()
    {
        var phone = await WriteAsync(Johan, Thanks("phone-revised"), teamOf: Johan);
        var saras = await WriteAsync(Sara, Thanks("sara-private"));
        var changed = new MacroContent("phone-revised", "Tack {first name}!", MacroLanguage.English, MacroUse.InternalNote);
        await using (var scope = host.Scope())
        {
            var revise = scope.ServiceProvider.GetRequiredService<ReviseMacro>();
            var nora = await scope.ActorAsync(Nora);
            var erik = await scope.ActorAsync(Erik);
            await Assert.ThrowsAsync<ForbiddenException>(() => revise.HandleAsync(nora, phone, changed, null, Ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => revise.HandleAsync(erik, phone, changed, null, Ct));
            await Assert.ThrowsAsync<NotFoundException>(() => revise.HandleAsync(erik, saras, changed, null, Ct));
            await Assert.ThrowsAsync<NotFoundException>(() => scope.ServiceProvider.GetRequiredService<MacroViews>().GetAsync(erik, saras, Ct));
            await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<MacroViews>().GetAsync(nora, phone, Ct));
            var johan = await scope.ActorAsync(Johan);
            await Assert.ThrowsAsync<ConflictException>(() => revise.HandleAsync(johan, phone, changed, 7, Ct));
            var revised = await revise.HandleAsync(johan, phone, changed, 1, Ct);
            Assert.Equal((2, MacroUse.InternalNote), (revised.Version, revised.Use));
            await revise.DeleteAsync(await scope.ActorAsync(Sara), saras, Ct);
        }

        await using var check = host.Scope();
        Assert.False(await check.ServiceProvider.GetRequiredService<AppDbContext>().Macros.AnyAsync(m => m.Id == saras, Ct));
    }

    [Fact]
    public async Task ForCase_PlaceholdersAreTheCustomersFirstNameTheNumberTheOwnerAndTheLink()
    {
        var own = await WriteAsync(Sara, Thanks("sara-filled"));
        var chat = await WriteAsync(Nora, Thanks("chat-filled"), teamOf: Nora);
        var number = await NewCaseAsync(Sara);
        await using var scope = host.Scope();
        var views = scope.ServiceProvider.GetRequiredService<MacroViews>();
        var sara = await scope.ActorAsync(Sara);
        var token = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.Where(c => c.Number == number).Select(c => c.CustomerToken).FirstAsync(Ct);

        var filled = Assert.Single(await views.ForCaseAsync(sara, number, t => $"https://moment.example.se/c/{t}", Ct), m => m.Id == own);

        Assert.Equal($"Hej Margit! Ditt ärende {number} följer du på https://moment.example.se/c/{token}. Hälsningar Sara Holm", filled.Text);
        await Assert.ThrowsAsync<ForbiddenException>(() => views.FillAsync(sara, chat, number, t => t, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => views.FillAsync(sara, own, "M-2026-999999", t => t, Ct));
        Assert.Empty(await views.ForAsync(await scope.ActorAsync("per.dahl@moment.test"), Ct));
        Assert.Contains(await views.ForAsync(await scope.ActorAsync(Lina), Ct), m => m.Id == chat);
    }

    private async Task<Guid> WriteAsync(string email, MacroContent content, string? teamOf = null)
    {
        await using var scope = host.Scope();
        var actor = await scope.ActorAsync(email);
        var team = teamOf is null ? null : (await scope.ActorAsync(teamOf)).TeamId;
        return (await scope.ServiceProvider.GetRequiredService<WriteMacro>().HandleAsync(actor, new WriteMacroRequest(content, team), Ct)).Id;
    }

    /// <summary>A case Margit Andersson calls in about, registered (and owned) by <paramref name="email"/>.</summary>
    private async Task<string> NewCaseAsync(string email)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = await db.Customers.Where(c => c.Name == "Margit Andersson").Select(c => c.Id).FirstAsync(Ct);
        var actor = await scope.ActorAsync(email);
        return (await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer, null, "Telefonen är död", null, null, Door.Phone, null), actor.Id, Ct)).Number;
    }
}

public sealed class MacroTestsOnSqlite(SqliteHost host) : MacroTests(host), IClassFixture<SqliteHost>;

public sealed class MacroTestsOnPostgres(PostgresHost host) : MacroTests(host), IClassFixture<PostgresHost>;
