using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain.Cases;
using Moment.Domain.Customers;
using Moment.Domain.Queues;
using Moment.Domain.Teams;

namespace Moment.Application.Demo;

/// <summary>
/// Fills an empty database with a demo operator that tells PRODUCT.md's stories: its teams, a person for every role,
/// customers such as Margit Andersson, 81, who has a landline and no email, computer or digital ID (story 5),
/// and their cases (<see cref="DemoCases"/>).
/// Does nothing when the database already has teams, so every start may call it.
/// </summary>
public sealed class SeedDemoData(
    AppDbContext db, UserManager<StaffUser> users, IPasswordHasher<StaffUser> passwordHasher, CaseTypes caseTypes, CaseNumbers numbers, CasePolicy policy, TimeProvider time)
{
    public async Task<bool> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Teams.AnyAsync(cancellationToken))
            return false;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var teams = DemoAccounts.Teams.ToDictionary(name => name, Team.Create, StringComparer.Ordinal);
        db.Teams.AddRange(teams.Values);
        await db.SaveChangesAsync(cancellationToken);

        // Hashing is deliberately slow; every demo account shares one password, so hash it once.
        var passwordHash = passwordHasher.HashPassword(new StaffUser(), DemoAccounts.Password);
        var staff = new Dictionary<string, StaffUser>(StringComparer.Ordinal);
        foreach (var account in DemoAccounts.All)
        {
            var user = new StaffUser
            {
                Id = Guid.CreateVersion7(),
                DisplayName = account.DisplayName,
                Email = account.Email,
                UserName = account.Email,
                EmailConfirmed = true,
                LockoutEnabled = true,
                PasswordHash = passwordHash,
                TeamId = account.Team is { } team ? teams[team].Id : null,
                Extension = account.Extension,
            };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, account.Role));
            staff[account.Email] = user;
        }

        foreach (var (team, (teamLead, manager)) in DemoAccounts.Leadership)
            teams[team].AppointLeadership(staff[teamLead].Id, staff[manager].Id);
        teams[DemoAccounts.Chat].MeetCustomersAt(Door.Chat);
        teams[DemoAccounts.Shops].MeetCustomersAt(Door.Shop);
        teams[DemoAccounts.Onboard].MeetCustomersAt(Door.Onboard);

        var now = time.GetUtcNow();
        var customers = Customers(now).ToDictionary(c => c.Name, StringComparer.Ordinal);
        db.Customers.AddRange(customers.Values);
        await db.SaveChangesAsync(cancellationToken);

        // The web chat's door on the demo page (/demo/chat): the Chat team's line.
        db.Queues.Add(Queue.Create(teams[DemoAccounts.Chat].Id, "Chatten", Skills.None));
        await caseTypes.EnsureStandardAsync(cancellationToken);
        var types = await db.CaseTypes.ToDictionaryAsync(t => t.Name, StringComparer.Ordinal, cancellationToken);
        var cases = new DemoCases(
            staff.ToDictionary(s => s.Key, s => s.Value.Id, StringComparer.Ordinal),
            teams.ToDictionary(t => t.Key, t => t.Value.Id, StringComparer.Ordinal),
            types, customers, policy, async (customerId, at) => (await numbers.ReserveAsync(customerId, at, cancellationToken))!.Number);
        db.Cases.AddRange(await cases.PlayAsync(now));
        var administrator = staff[DemoAccounts.All.First(a => a.Role == StaffRoles.Administrator).Email].Id;
        db.KnownIssues.Add(DemoFrontline.BookingAppIssue(administrator, now));
        db.AuthorityLimits.AddRange(DemoFrontline.Limits(administrator, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static IEnumerable<Customer> Customers(DateTimeOffset now)
    {
        // Story 5: a landline, a postal address, and nothing digital.
        var margit = Customer.Register("Margit Andersson", now);
        margit.AddPhoneNumber(new CustomerPhoneNumber("+4681234567"));
        margit.ChangePostalAddress("Storgatan 1, 123 45 Småby");
        yield return margit;

        var anders = Customer.Register("Anders Andersson", now);
        anders.AddPhoneNumber(new CustomerPhoneNumber("+46701234567"));
        anders.AddEmailAddress(new CustomerEmailAddress("anders.andersson@example.se"));
        yield return anders;

        // Story 1: the first-class passenger whose booking app has been broken for weeks.
        var jonas = Customer.Register("Jonas Persson", now);
        jonas.AddPhoneNumber(new CustomerPhoneNumber("+46709876543"));
        jonas.AddEmailAddress(new CustomerEmailAddress("jonas.persson@example.se"));
        yield return jonas;

        // Story 2: the business customer whose regular contact is on holiday.
        var nordbygg = Customer.Register("Nordbygg AB", now);
        nordbygg.AddPhoneNumber(new CustomerPhoneNumber("+46311234567"));
        nordbygg.AddEmailAddress(new CustomerEmailAddress("ekonomi@nordbygg.example"));
        nordbygg.ChangePostalAddress("Hamngatan 12, 411 06 Göteborg");
        yield return nordbygg;

        var yasmin = Customer.Register("Yasmin Haddad", now);
        yasmin.AddEmailAddress(new CustomerEmailAddress("yasmin.haddad@example.se"));
        yield return yasmin;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo data could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
