namespace Moment.Application.Data;

/// <summary>
/// EF Core wraps every save inside a transaction in a savepoint, so that a save that fails leaves the transaction usable:
/// on PostgreSQL two more round trips per save (SAVEPOINT before, RELEASE after). Work that never goes on after a failed
/// save (it refuses, and the transaction is rolled back, or it is done again whole) turns them off while it runs: the
/// email door saves four or five times in the transaction that opens a case.
/// </summary>
public static class Savepoints
{
    /// <summary>Off until the returned value is disposed, then as they were.</summary>
    public static Restore Off(AppDbContext db)
    {
        var were = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        return new Restore(db, were);
    }

    public readonly struct Restore(AppDbContext db, bool were) : IDisposable
    {
        public void Dispose() => db.Database.AutoSavepointsEnabled = were;
    }
}
