using Microsoft.Extensions.Configuration;

namespace Moment.Application.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database Moment uses, read from the keys Web and Cli share:
/// <c>Database:Provider</c> (<c>Sqlite</c> | <c>Postgres</c>) and <c>ConnectionStrings:Moment</c>.
/// Without a connection string, SQLite uses one file in the user's local data folder, the same for Web and Cli.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStart)
{
    public static string DefaultSqliteFile
    {
        get
        {
            var folder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(folder))
                folder = AppContext.BaseDirectory;
            return Path.Combine(folder, "Moment", "moment.db");
        }
    }

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Database:Provider '{providerText}' is not known. Use Sqlite or Postgres.");
        var connectionString = configuration.GetConnectionString("Moment");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider switch
            {
                DatabaseProvider.Sqlite => $"Data Source={DefaultSqliteFile}",
                DatabaseProvider.Postgres => throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Moment is empty. Set it, e.g. Host=127.0.0.1;Database=moment;Username=moment;Password=…"),
            };
        }

        var migrateOnStart = !bool.TryParse(configuration["Database:MigrateOnStart"], out var migrate) || migrate;
        return new DatabaseSettings(provider, connectionString, migrateOnStart);
    }
}
