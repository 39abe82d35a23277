using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Caching;
using Moment.Application.Data;
using Moment.Domain;

namespace Moment.Application.Staff;

/// <summary>
/// Creates a member of staff (<see cref="Id"/> null, <see cref="Password"/> required) or changes one; everything but the
/// password is replaced, the PBX <see cref="Extension"/> too (none when null).
/// </summary>
public sealed record SaveStaffMemberRequest(
    Guid? Id, string DisplayName, string Email, IReadOnlyList<string> Roles, Guid? TeamId, bool IsActive, string? Password, string? Extension = null);

/// <summary>The administrator's page for users. Every check happens before anything is written.</summary>
public sealed class SaveStaffMember(AppDbContext db, UserManager<StaffUser> users, ForgetEverywhere forget)
{
    public async Task<Guid> HandleAsync(SaveStaffMemberRequest request, CancellationToken cancellationToken = default)
    {
        var displayName = Text.Required(request.DisplayName, "DisplayName", StaffUser.DisplayNameMaxLength);
        var email = Text.Required(request.Email, "Email", 254);
        if (!email.Contains('@', StringComparison.Ordinal))
            throw new DomainRuleException("'{0}' is not an email address.", "Email", email);
        if (request.Roles.FirstOrDefault(r => !StaffRoles.IsKnown(r)) is { } unknownRole)
            throw new DomainRuleException("There is no role '{0}'.", "Roles", unknownRole);
        if (request.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken))
            throw new DomainRuleException("The chosen team does not exist.", "TeamId");

        var extension = Text.Optional(request.Extension, "Extension", StaffUser.ExtensionMaxLength);
        if (extension is not null && !extension.All(c => char.IsAsciiLetterOrDigit(c) || "+*#._-@:".Contains(c, StringComparison.Ordinal)))
            throw new DomainRuleException("An extension is digits (201), a number (+46812345678) or a SIP name, without spaces.", "Extension");
        if (extension is not null && await db.Users.AnyAsync(u => u.Extension == extension && u.Id != request.Id, cancellationToken))
            throw new DomainRuleException("Another member of staff already has the extension {0}.", "Extension", extension);

        var sameEmail = await users.FindByEmailAsync(email);
        if (sameEmail is not null && sameEmail.Id != request.Id)
            throw new DomainRuleException("Another member of staff already has the email address {0}.", "Email", email);

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

        var signInChanges = request.Id is not null && (user.IsActive != request.IsActive || !string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase));
        user.DisplayName = displayName;
        user.Email = email;
        user.UserName = email;
        user.TeamId = request.TeamId;
        user.IsActive = request.IsActive;
        user.Extension = extension;

        // UserManager saves as it goes; one transaction keeps a half-made user (no roles, say) from ever existing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(request.Id is null ? await users.CreateAsync(user, request.Password!) : await users.UpdateAsync(user), "Email");
        var current = await users.GetRolesAsync(user);
        var removed = current.Except(request.Roles, StringComparer.Ordinal).ToList();
        var added = request.Roles.Except(current, StringComparer.Ordinal).Distinct(StringComparer.Ordinal).ToList();
        Check(await users.RemoveFromRolesAsync(user, removed), "Roles");
        Check(await users.AddToRolesAsync(user, added), "Roles");
        // A new security stamp ends the person's browser sessions (the sign-in cookie is checked against the stamp in the
        // database every minute, on every instance): a deactivated person is out, and new roles need a new sign-in.
        if (signInChanges || (request.Id is not null && removed.Count + added.Count > 0))
            Check(await users.UpdateSecurityStampAsync(user), "Roles");
        await transaction.CommitAsync(cancellationToken);
        await forget.StaffMemberAsync(user.Id, cancellationToken);
        return user.Id;
    }

    /// <summary>Identity words its errors in English only: the ones a person can cause are said here, in words a page translates.</summary>
    private void Check(IdentityResult result, string field)
    {
        if (result.Succeeded)
            return;
        var password = users.Options.Password;
        var error = result.Errors.First();
        throw error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => new DomainRuleException("The password must be at least {0} characters long.", field, password.RequiredLength),
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => new DomainRuleException("The password must contain a digit (0–9).", field),
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => new DomainRuleException("The password must contain a lower-case letter (a–z).", field),
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => new DomainRuleException("The password must contain an upper-case letter (A–Z).", field),
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) =>
                new DomainRuleException("The password must contain a character that is neither a letter nor a digit, such as ! or #.", field),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) =>
                new DomainRuleException("The password must contain at least {0} different characters.", field, password.RequiredUniqueChars),
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
                new DomainRuleException("The email address may contain only the letters a–z, digits and the characters @ . - _ +.", field),
            // Anything else is not the person's doing (a role that vanished meanwhile); Identity's own words, as they are.
            _ => new DomainRuleException("{0}", field, string.Join(" ", result.Errors.Select(e => e.Description))),
        };
    }
}
