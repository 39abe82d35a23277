using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;

namespace Moment.Application.Tests.Data;

/// <summary>Every change to the model needs a migration for every provider (scripts/add-migration.sh NAME).</summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Model_HasNoChangesWithoutAMigration(DatabaseProvider provider)
    {
        // Comparing the model with the provider's last snapshot needs no server.
        using var db = Context(provider);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that no {provider} migration captures. Run scripts/add-migration.sh NAME.");
    }

    [Fact]
    public void Migrations_HaveTheSameNamesOnEveryProvider()
    {
        using var sqlite = Context(DatabaseProvider.Sqlite);
        using var postgres = Context(DatabaseProvider.Postgres);

        static IEnumerable<string> Names(AppDbContext context) =>
            context.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        Assert.NotEmpty(Names(sqlite));
        Assert.Equal(Names(sqlite), Names(postgres));
    }

    private static AppDbContext Context(DatabaseProvider provider) => new(DatabaseSetup.BuildOptions(new DatabaseSettings(
        provider,
        provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=127.0.0.1;Database=unused",
        MigrateOnStart: false)));
}
