using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Domain.Absences;

namespace Moment.Application.Absences;

/// <summary>Who a key account's new contacts reach now; <paramref name="CoveringFor"/> names the regular contact while a stand-in covers.</summary>
public sealed record Reach(string Name, string Email, string? CoveringFor);

/// <summary>A customer's regular contact, and who reaches the customer now.</summary>
public sealed record CustomerContact(PersonRef? RegularContact, Reach? Reach);

/// <summary>
/// "Who reaches this customer now" (principle 12, story 2): their regular contact, or that person's stand-in while they are
/// away, so that a key account never hears "back in an hour". Channel routing (email, phone) will ask this when channels come.
/// </summary>
public sealed class CustomerReach(AppDbContext db)
{
    public async Task<CustomerContact> HandleAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        var regular = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new { c.RegularContactId })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("There is no such customer.");
        if (regular.RegularContactId is not { } contactId)
            return new CustomerContact(null, null);
        var contact = await db.Users.AsNoTracking().Where(u => u.Id == contactId)
            .Select(u => new PersonRef(u.Id, u.DisplayName, u.Email ?? "")).FirstAsync(cancellationToken);
        var standIn = await db.Absences.AsNoTracking()
            .Where(a => a.UserId == contactId && a.State == AbsenceState.Started)
            .Join(db.Users, a => a.StandInId, u => u.Id, (_, u) => new PersonRef(u.Id, u.DisplayName, u.Email ?? ""))
            .FirstOrDefaultAsync(cancellationToken);
        return new CustomerContact(
            contact,
            standIn is null ? new Reach(contact.Name, contact.Email, null) : new Reach(standIn.Name, standIn.Email, contact.Name));
    }
}
