using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain;

namespace Moment.Application.Staff;

/// <summary>
/// The phone a member of staff takes calls on (any Swedish notation, or a SIP address such as sip:lina@pbx.example.se),
/// or none. A call an agent accepts is put through to it (<see cref="Phone.PutCallThrough"/>).
/// </summary>
public sealed class SetStaffPhone(AppDbContext db)
{
    public const int SipMaxLength = 100;

    public async Task<string?> HandleAsync(Guid staffId, string? phone, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == staffId, cancellationToken)
            ?? throw new NotFoundException("That member of staff does not exist.");
        var typed = Text.Optional(phone, "Phone", SipMaxLength);
        user.PhoneNumber = typed is null ? null
            : typed.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) ? typed
            : Customers.PhoneNumbers.TryNormalize(typed) ?? throw new DomainRuleException("That is not a phone number we can call.", "Phone");
        await db.SaveChangesAsync(cancellationToken);
        return user.PhoneNumber;
    }
}
