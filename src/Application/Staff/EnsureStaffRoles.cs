using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;

namespace Moment.Application.Staff;

/// <summary>Makes sure every role of <see cref="StaffRoles"/> exists; run on every start, in production too.</summary>
public sealed class EnsureStaffRoles(AppDbContext db, RoleManager<IdentityRole<Guid>> roles)
{
    public async Task HandleAsync(CancellationToken cancellationToken = default)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in StaffRoles.All.Except(existing.OfType<string>(), StringComparer.Ordinal))
        {
            var result = await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            if (!result.Succeeded)
                throw new InvalidOperationException($"Could not create the role {role}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
