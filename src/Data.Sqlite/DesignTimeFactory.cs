using Microsoft.EntityFrameworkCore.Design;
using Moment.Application.Data;

namespace Moment.Data.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for Sqlite without starting a host; the connection is never opened for <c>migrations add</c>.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.BuildOptions(new DatabaseSettings(DatabaseProvider.Sqlite, ConnectionString, MigrateOnStart: false)));

    private const string ConnectionString = "Data Source=design-time.db";
}
