using Microsoft.EntityFrameworkCore.Design;
using Moment.Application.Data;

namespace Moment.Data.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the model for Postgres without starting a host; the connection is never opened for <c>migrations add</c>.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.BuildOptions(new DatabaseSettings(DatabaseProvider.Postgres, ConnectionString, MigrateOnStart: false)));

    private const string ConnectionString = "Host=127.0.0.1;Database=moment_design;Username=moment;Password=moment";
}
