using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;

namespace Moment.Application.Absences;

/// <summary>The regular contact's email, or null to make the customer an ordinary customer again.</summary>
public sealed record AssignRegularContactRequest(string? Email);

/// <summary>Makes a customer a key account with a named regular contact (team leads, managers, administrators).</summary>
public sealed class AssignRegularContact(AppDbContext db, StaffCards staff, CustomerReach reach)
{
    public async Task<CustomerContact> HandleAsync(Guid customerId, AssignRegularContactRequest request, CancellationToken cancellationToken = default)
    {
        // Split: the numbers and the addresses each in a query of their own, not every number joined with every address.
        var customer = await db.Customers.AsSplitQuery().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken)
            ?? throw new NotFoundException("There is no such customer.");
        Guid? contactId = null;
        if (Text.Optional(request.Email, "Email", Text.EmailMaxLength) is { } email)
        {
            var person = await staff.FindByEmailAsync(email, cancellationToken)
                ?? throw new DomainRuleException("That person is not on the staff.", "Email");
            if (!person.IsActive)
                throw new DomainRuleException("{0} is inactive and cannot be a regular contact.", "Email", person.DisplayName);
            contactId = person.Id;
        }

        customer.AssignRegularContact(contactId);
        await db.SaveChangesAsync(cancellationToken);
        return await reach.HandleAsync(customerId, cancellationToken);
    }
}
