using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Moment.Application.Data;
using Moment.Application.Feed;
using Moment.TestSupport;

namespace Moment.Application.Tests.Data;

/// <summary>
/// A unique key that refuses a second copy is logged as a Warning, not an Error (<see cref="DatabaseSetup"/>): the code
/// that catches it decides what it means, and a failure nobody catches is logged at Error where it ends. On each provider.
/// </summary>
public sealed class FailedSaveLoggingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AUniqueKeyRefusingASecondCopy_IsAWarning_NotAnError(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
            PostgresServer.RequireOrSkip();
        await using var database = await TestDatabase.CreateAsync(provider);
        var logs = new CapturedLogs();
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(logs));
        var options = new DbContextOptionsBuilder<AppDbContext>().UseLoggerFactory(loggers);
        DatabaseSetup.Configure(options, database.Settings);
        await using (var db = new AppDbContext(options.Options))
        {
            await db.Database.MigrateAsync(Ct);
            db.FeedCheckpoints.Add(new FeedCheckpoint { Subscriber = "twice" });
            await db.SaveChangesAsync(Ct);
        }

        await using (var again = new AppDbContext(options.Options))
        {
            again.FeedCheckpoints.Add(new FeedCheckpoint { Subscriber = "twice" });
            await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync(Ct));
        }

        Assert.Contains(logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Category == DbLoggerCategory.Update.Name);
        Assert.DoesNotContain(logs.Entries, entry => entry.Level >= LogLevel.Error);
    }
}
