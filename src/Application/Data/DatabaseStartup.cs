using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moment.Application.Cases;
using Moment.Application.Demo;
using Moment.Application.Staff;

namespace Moment.Application.Data;

/// <summary>What every start does before serving: migrate (unless switched off), make sure the roles exist, and in demo mode fill an empty database.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareAsync(IServiceProvider services, bool demoMode, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var settings = provider.GetRequiredService<DatabaseSettings>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        if (settings.MigrateOnStart)
        {
            await DatabaseSetup.MigrateAsync(provider.GetRequiredService<AppDbContext>(), cancellationToken);
            logger.LogInformation("Database schema is up to date on {Provider}", settings.Provider);
        }

        await provider.GetRequiredService<EnsureStaffRoles>().HandleAsync(cancellationToken);
        await provider.GetRequiredService<CaseTypes>().EnsureStandardAsync(cancellationToken);
        if (demoMode && await provider.GetRequiredService<SeedDemoData>().HandleAsync(cancellationToken))
            logger.LogInformation("Demo data created: {Teams} teams, {Accounts} staff accounts", DemoAccounts.Teams.Count, DemoAccounts.All.Count);
    }
}
