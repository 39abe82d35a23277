using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Moment.Application.Data;

/// <summary>Registers <see cref="AppDbContext"/> on the configured provider and brings the schema up to date.</summary>
public static class DatabaseSetup
{
    // One migrations assembly per provider (STYLE.md, after bitwarden/server); they reference Application, not the other way round.
    private const string SqliteMigrations = "Moment.Data.Sqlite";
    private const string PostgresMigrations = "Moment.Data.Postgres";

    public static IServiceCollection AddMomentDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        // Pooled: a context is reset and reused instead of built for every request.
        services.AddDbContextPool<AppDbContext>(options => Configure(options, settings));
        return services;
    }

    public static DbContextOptions<AppDbContext> BuildOptions(DatabaseSettings settings)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        Configure(builder, settings);
        return builder.Options;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(settings.ConnectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrations))
                    .AddInterceptors(SqliteWriting.InterceptorsFor(settings.ConnectionString));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ReusingSessions(settings.ConnectionString), npgsql => npgsql.MigrationsAssembly(PostgresMigrations));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {settings.Provider}.");
        }

        // EF Core logs every failed command and save at Error before the code sees the exception. Some are the code's
        // decision, not an error (the same email or webhook twice at once: a unique key refuses the second copy, which
        // then reads the first), and an operator paged by them would soon stop reading Errors. A Warning here; a failure
        // nobody catches is logged again where it ends: at Error for a request, and by each background loop, which says
        // whether it will try again.
        options.ConfigureWarnings(warnings => warnings.Log(
            (CoreEventId.SaveChangesFailed, LogLevel.Warning), (RelationalEventId.CommandError, LogLevel.Warning)));
    }

    /// <summary>
    /// Moment sends the same few statements over and over; prepared once per connection, PostgreSQL skips parsing and
    /// planning them again. Npgsql keeps them across pooled reuse. A connection that goes back to the pool is not reset
    /// either: Moment keeps no state in a session (no session locks, settings, temporary tables or LISTEN), and the reset
    /// was seven statements each time EF Core closed a connection, several times a request (the email benchmark: 4.6
    /// times a message). A connection string that sets its own value wins.
    /// </summary>
    private static string ReusingSessions(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
            builder.MaxAutoPrepare = 50;
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("ResetOnClose", StringComparison.OrdinalIgnoreCase))
            builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>Applies pending migrations. EF Core takes a database lock while migrating, so instances starting together are safe.</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
            EnsureSqliteFolder(db.Database.GetConnectionString());
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers go on while one writer commits; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private static void EnsureSqliteFolder(string? connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
            Directory.CreateDirectory(folder);
    }
}
