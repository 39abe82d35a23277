using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Data;
using Moment.Domain.Cases;

namespace Moment.Application.Tests.Data;

/// <summary>
/// The timeline's English sentences that Moment wrote itself before reasons existed become reasons with their counts, so
/// that old entries too are said in each reader's language: the real migration, down and up again, on each provider.
/// </summary>
public abstract class TimelineReasonMigrationTests(ApplicationHost host)
{
    [Fact]
    public async Task OldSentences_BecomeReasonsWithCounts_AndAPersonsWordsStay()
    {
        host.RequireProvider();
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await db.CaseEvents.OrderBy(e => e.Id).Select(e => e.Id).Take(5).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(5, ids.Count);

        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("DefectFixes", TestContext.Current.CancellationToken);
        (string Kind, string Text)[] old =
        [
            ("Escalated", "Escalated after 3 hand-offs."),
            ("Escalated", "Escalated after 12 declined or unanswered offers."),
            ("Reopened", "Repeat contact about the same problem."),
            ("Reopened", "The customer says it is not solved."),
            ("Reopened", "Escalated after 3 hand-offs. (a person's words stay)"),
        ];
        for (var i = 0; i < old.Length; i++)
        {
            await db.Database.ExecuteSqlRawAsync(
                """UPDATE "CaseEvents" SET "Kind" = {0}, "Text" = {1} WHERE "Id" = {2}""", [old[i].Kind, old[i].Text, ids[i]], TestContext.Current.CancellationToken);
        }

        await migrator.MigrateAsync(cancellationToken: TestContext.Current.CancellationToken);
        db.ChangeTracker.Clear();
        var entries = await db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.Id)).OrderBy(e => e.Id)
            .Select(e => new { e.Reason, e.Count, e.Text }).ToListAsync(TestContext.Current.CancellationToken);

        (CaseEventReason? Reason, int? Count, string? Text)[] expected =
        [
            (CaseEventReason.HandOffs, 3, null),
            (CaseEventReason.Declines, 12, null),
            (CaseEventReason.RepeatContact, null, null),
            (CaseEventReason.NotSolved, null, null),
            (null, null, "Escalated after 3 hand-offs. (a person's words stay)"),
        ];
        Assert.Equal(expected, entries.Select(e => (e.Reason, e.Count, e.Text)));
    }
}

public sealed class TimelineReasonMigrationTestsOnSqlite(SqliteHost host) : TimelineReasonMigrationTests(host), IClassFixture<SqliteHost>;

public sealed class TimelineReasonMigrationTestsOnPostgres(PostgresHost host) : TimelineReasonMigrationTests(host), IClassFixture<PostgresHost>;
