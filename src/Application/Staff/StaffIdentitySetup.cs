using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Data;

namespace Moment.Application.Staff;

/// <summary>The rules for staff accounts, the same for the web app and the command line.</summary>
public static class StaffIdentitySetup
{
    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    public static IdentityBuilder AddStaffIdentity(this IServiceCollection services) =>
        services
            .AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = Lockout;
                // "Confirmed" here means "active": an administrator can switch a person off without deleting their history.
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserConfirmation<ActiveStaffOnly>();

    private sealed class ActiveStaffOnly : IUserConfirmation<StaffUser>
    {
        public Task<bool> IsConfirmedAsync(UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(user.IsActive);
    }
}
