using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Data;
using Moment.Application.Demo;
using Moment.Application.Staff;
using Moment.Application.Teams;
using Moment.Domain;
using Moment.Domain.Calendar;
using Moment.Domain.Cases;

namespace Moment.Application.Tests.Staff;

/// <summary>Staff, teams and demo data on a real database of each provider.</summary>
public abstract class StaffTests(ApplicationHost host) : IAsyncLifetime
{
    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task SeedDemoData_OnAFilledDatabase_AddsNothing()
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var staffBefore = await db.Users.CountAsync(TestContext.Current.CancellationToken);

        var created = await scope.ServiceProvider.GetRequiredService<SeedDemoData>().HandleAsync(TestContext.Current.CancellationToken);

        // Other tests in this class add staff of their own: what counts is that seeding again adds none.
        Assert.False(created);
        Assert.True(staffBefore >= DemoAccounts.All.Count);
        Assert.Equal(staffBefore, await db.Users.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DemoData_HasACustomerWithNeitherEmailNorDigitalId()
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var margit = await db.Customers.SingleAsync(c => c.Name == "Margit Andersson", TestContext.Current.CancellationToken);

        Assert.Empty(margit.EmailAddresses);
        Assert.Equal("+4681234567", Assert.Single(margit.PhoneNumbers).E164);
    }

    [Fact]
    public async Task SaveStaffMember_WithAnotherPersonsEmail_IsRefusedAndWritesNothing()
    {
        await using var scope = host.Scope();
        var save = scope.ServiceProvider.GetRequiredService<SaveStaffMember>();
        var list = scope.ServiceProvider.GetRequiredService<ListStaff>();
        var before = (await list.HandleAsync(TestContext.Current.CancellationToken)).Count;

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => save.HandleAsync(
            new SaveStaffMemberRequest(null, "Sara Two", "SARA.HOLM@moment.test", [StaffRoles.Agent], null, true, "Another-pass-2026"),
            TestContext.Current.CancellationToken));

        Assert.Equal("Email", error.Field);
        Assert.Equal(before, (await list.HandleAsync(TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task SaveStaffMember_WithWeakPassword_IsRefusedAndWritesNothing()
    {
        await using var scope = host.Scope();
        var save = scope.ServiceProvider.GetRequiredService<SaveStaffMember>();

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => save.HandleAsync(
            new SaveStaffMemberRequest(null, "New Person", "new.person@moment.test", [StaffRoles.Agent], null, true, "short"),
            TestContext.Current.CancellationToken));

        Assert.Equal("Password", error.Field);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "new.person@moment.test", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SaveStaffMember_NewWithRolesAndTeam_IsListedWithThem()
    {
        await using var scope = host.Scope();
        var teams = await scope.ServiceProvider.GetRequiredService<ListTeams>().HandleAsync(TestContext.Current.CancellationToken);
        var chat = teams.Single(t => t.Name == DemoAccounts.Chat);

        var id = await scope.ServiceProvider.GetRequiredService<SaveStaffMember>().HandleAsync(
            new SaveStaffMemberRequest(null, "Nils Nyman", "nils.nyman@moment.test", [StaffRoles.Agent, StaffRoles.Frontline], chat.Id, true, "Nils-password-2026"),
            TestContext.Current.CancellationToken);

        var nils = await scope.ServiceProvider.GetRequiredService<ListStaff>().FindAsync(id, TestContext.Current.CancellationToken);
        Assert.NotNull(nils);
        Assert.Equal([StaffRoles.Agent, StaffRoles.Frontline], nils.Roles);
        Assert.Equal(DemoAccounts.Chat, nils.TeamName);
    }

    [Fact]
    public async Task SaveTeam_WithATeamLeadWhoLacksTheRole_IsRefused()
    {
        await using var scope = host.Scope();
        var agent = (await scope.ServiceProvider.GetRequiredService<ListStaff>().HandleAsync(TestContext.Current.CancellationToken))
            .Single(s => s.Email == "sara.holm@moment.test");

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => scope.ServiceProvider.GetRequiredService<SaveTeam>()
            .HandleAsync(new SaveTeamRequest(null, "Letters", agent.Id, null), TestContext.Current.CancellationToken));

        Assert.Equal("TeamLeadId", error.Field);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Teams.AnyAsync(t => t.Name == "Letters", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SaveTeam_WithItsOwnOpeningHours_KeepsTheCalendar()
    {
        var calendar = BusinessCalendarSettings.Swedish with
        {
            OpeningHours = [new OpeningHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0)), new OpeningHours(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(14, 0))],
            ClosedOnDeFactoHolidays = false,
            ExtraClosedDates = [new DateOnly(2026, 12, 28)],
        };
        await using var scope = host.Scope();

        var id = await scope.ServiceProvider.GetRequiredService<SaveTeam>()
            .HandleAsync(new SaveTeamRequest(null, "Field service", null, null, calendar, Door.Field), TestContext.Current.CancellationToken);

        await using var read = host.Scope();
        var saved = (await read.ServiceProvider.GetRequiredService<ListTeams>().HandleAsync(TestContext.Current.CancellationToken)).Single(t => t.Id == id);
        Assert.Equal(Door.Field, saved.Door);
        Assert.Equal(calendar.OpeningHours, saved.Calendar.OpeningHours);
        Assert.False(saved.Calendar.ClosedOnDeFactoHolidays);
        Assert.Equal([new DateOnly(2026, 12, 28)], saved.Calendar.ExtraClosedDates);
    }

    [Fact]
    public async Task SaveTeam_WithClosingBeforeOpening_IsRefusedAndWritesNothing()
    {
        var calendar = BusinessCalendarSettings.Swedish with { OpeningHours = [new OpeningHours(DayOfWeek.Monday, new TimeOnly(17, 0), new TimeOnly(8, 0))] };
        await using var scope = host.Scope();

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => scope.ServiceProvider.GetRequiredService<SaveTeam>()
            .HandleAsync(new SaveTeamRequest(null, "Night shift", null, null, calendar), TestContext.Current.CancellationToken));

        Assert.Equal("OpeningHours", error.Field);
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Teams.AnyAsync(t => t.Name == "Night shift", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SaveTeam_WithAnExistingName_IsRefused()
    {
        await using var scope = host.Scope();

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => scope.ServiceProvider.GetRequiredService<SaveTeam>()
            .HandleAsync(new SaveTeamRequest(null, DemoAccounts.Phone, null, null), TestContext.Current.CancellationToken));

        Assert.Equal("Name", error.Field);
    }
}

public sealed class StaffTestsOnSqlite(SqliteHost host) : StaffTests(host), IClassFixture<SqliteHost>;

public sealed class StaffTestsOnPostgres(PostgresHost host) : StaffTests(host), IClassFixture<PostgresHost>;
