using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Data;
using Moment.Application.Demo;

namespace Moment.Cli.Database;

/// <summary><c>moment db migrate</c> (for PostgreSQL deployments that migrate before rolling out) and <c>moment db seed-demo</c>.</summary>
internal static class DatabaseCommands
{
    public static Command Create(CliConsole console)
    {
        var migrate = new Command("migrate", "Applies pending migrations and creates the staff roles.");
        migrate.SetAction((_, ct) => console.WithApplicationAsync(async services =>
        {
            await DatabaseSetup.MigrateAsync(services.GetRequiredService<AppDbContext>(), ct);
            await DatabaseStartup.PrepareAsync(services, demoMode: false, ct);
            var settings = services.GetRequiredService<DatabaseSettings>();
            await console.Output.WriteLineAsync($"The {settings.Provider} database is up to date.");
            return MomentCli.Ok;
        }, ct, migrate: false));

        var seed = new Command("seed-demo", "Fills an empty database with the demo operator, its staff and customers.");
        seed.SetAction((_, ct) => console.WithApplicationAsync(async services =>
        {
            var created = await services.GetRequiredService<SeedDemoData>().HandleAsync(ct);
            await console.Output.WriteLineAsync(created
                ? $"Demo data created. Every demo account has the password {DemoAccounts.Password}."
                : "The database already has teams; demo data was not added.");
            return MomentCli.Ok;
        }, ct));

        return new Command("db", "The database.") { migrate, seed };
    }
}
