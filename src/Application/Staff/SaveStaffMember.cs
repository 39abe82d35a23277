using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain;

namespace Moment.Application.Staff;

/// <summary>Creates a member of staff (<see cref="Id"/> null, <see cref="Password"/> required) or changes one.</summary>
public sealed record SaveStaffMemberRequest(Guid? Id, string DisplayName, string Email, IReadOnlyList<string> Roles, Guid? TeamId, bool IsActive, string? Password);

/// <summary>The administrator's page for users. Every check happens before anything is written.</summary>
public sealed class SaveStaffMember(AppDbContext db, UserManager<StaffUser> users, StaffCards cards)
{
    public async Task<Guid> HandleAsync(SaveStaffMemberRequest request, CancellationToken cancellationToken = default)
    {
        var displayName = Text.Required(request.DisplayName, "DisplayName", StaffUser.DisplayNameMaxLength);
        var email = Text.Required(request.Email, "Email", 254);
        if (!email.Contains('@', StringComparison.Ordinal))
            throw new DomainRuleException($"'{email}' is not an email address.", "Email");
        if (request.Roles.FirstOrDefault(r => !StaffRoles.IsKnown(r)) is { } unknownRole)
            throw new DomainRuleException($"There is no role '{unknownRole}'.", "Roles");
        if (request.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken))
            throw new DomainRuleException("The chosen team does not exist.", "TeamId");

        var sameEmail = await users.FindByEmailAsync(email);
        if (sameEmail is not null && sameEmail.Id != request.Id)
            throw new DomainRuleException($"Another member of staff already has the email address {email}.", "Email");

        var user = request.Id is { } id
            ? await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("That member of staff does not exist.")
            : new StaffUser { Id = Guid.CreateVersion7(), EmailConfirmed = true, LockoutEnabled = true };
        if (request.Id is null)
        {
            if (string.IsNullOrEmpty(request.Password))
                throw new DomainRuleException("A new member of staff needs a first password.", "Password");
            foreach (var validator in users.PasswordValidators)
                Check(await validator.ValidateAsync(users, user, request.Password), "Password");
        }

        user.DisplayName = displayName;
        user.Email = email;
        user.UserName = email;
        user.TeamId = request.TeamId;
        user.IsActive = request.IsActive;

        // UserManager saves as it goes; one transaction keeps a half-made user (no roles, say) from ever existing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(request.Id is null ? await users.CreateAsync(user, request.Password!) : await users.UpdateAsync(user), "Email");
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(request.Roles, StringComparer.Ordinal)), "Roles");
        Check(await users.AddToRolesAsync(user, request.Roles.Except(current, StringComparer.Ordinal).Distinct(StringComparer.Ordinal)), "Roles");
        await transaction.CommitAsync(cancellationToken);
        cards.Forget(user.Id);
        return user.Id;
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
            throw new DomainRuleException(string.Join(" ", result.Errors.Select(e => e.Description)), field);
    }
}
