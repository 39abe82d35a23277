using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Moment.Application.Data;

/// <summary>
/// How Moment writes to SQLite, which lets one writer in at a time.
/// <list type="bullet">
/// <item>Writers in this process take turns at an async gate before they begin a transaction. Without it a second writer
/// is told "busy" and Microsoft.Data.Sqlite retries it with 150 ms sleeps on a thread-pool thread: at 8 concurrent case
/// intakes that gave a p99 of 455 ms. Other processes on the same file (the command line) still meet SQLite's busy handling.</item>
/// <item><c>synchronous=NORMAL</c> with write-ahead logging: a commit does not wait for the disk, so a crash of Moment loses
/// nothing, but a power cut or an operating system crash can lose the last commits (never corrupt the file). A commit that
/// waits for the disk costs ~0.5 ms here and would cap intake below 1,800 cases/s; installations that cannot accept the
/// trade-off run on PostgreSQL, which waits for the disk and commits concurrent writers together.</item>
/// </list>
/// </summary>
public static class SqliteWriting
{
    // One gate per database file in this process, however many option sets point at it.
    private static readonly ConcurrentDictionary<string, Gate> Gates = new(StringComparer.Ordinal);

    public static IInterceptor[] InterceptorsFor(string connectionString)
    {
        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        return [Gates.GetOrAdd(file, _ => new Gate()), new NormalSynchronous()];
    }

    /// <summary>Taken when a transaction begins; given back when it ends, whichever way (commit, rollback, failure, connection closed).</summary>
    private sealed class Gate : DbTransactionInterceptor, IDbConnectionInterceptor
    {
        // Long enough for any real write queue; a gate held longer than this means a writer that never finished.
        private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

        private readonly SemaphoreSlim _turn = new(1, 1);
        private readonly ConcurrentDictionary<DbConnection, byte> _holders = new();

        // A finished transaction no longer knows its connection, so the connection is noted when it begins.
        private readonly ConcurrentDictionary<DbTransaction, DbConnection> _connections = new();

        public override InterceptionResult<DbTransaction> TransactionStarting(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
        {
            if (!_turn.Wait(MaxWait))
                throw TimedOut();
            _holders[connection] = 0;
            return result;
        }

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
            CancellationToken cancellationToken = default)
        {
            if (!await _turn.WaitAsync(MaxWait, cancellationToken))
                throw TimedOut();
            _holders[connection] = 0;
            return result;
        }

        public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
        {
            _connections[result] = connection;
            return result;
        }

        public override ValueTask<DbTransaction> TransactionStartedAsync(
            DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            _connections[result] = connection;
            return ValueTask.FromResult(result);
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Ended(transaction);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Ended(transaction);
            return Task.CompletedTask;
        }

        public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Ended(transaction);

        public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Ended(transaction);
            return Task.CompletedTask;
        }

        // A transaction disposed without commit or rollback (an exception on the way) ends when its connection closes.
        void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Closed(connection);

        Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
        {
            Closed(connection);
            return Task.CompletedTask;
        }

        private void Closed(DbConnection connection)
        {
            foreach (var (transaction, holder) in _connections)
            {
                if (holder == connection)
                    _connections.TryRemove(transaction, out _);
            }

            Release(connection);
        }

        private void Ended(DbTransaction transaction)
        {
            if (_connections.TryRemove(transaction, out var connection))
                Release(connection);
        }

        private void Release(DbConnection connection)
        {
            if (_holders.TryRemove(connection, out _))
                _turn.Release();
        }

        private static TimeoutException TimedOut() =>
            new($"Waited {MaxWait.TotalSeconds:0} s for a turn to write to the SQLite database; another write in this process never finished.");
    }

    /// <summary>On every connection: <c>synchronous=NORMAL</c>, and the functions Moment's queries call.</summary>
    private sealed class NormalSynchronous : DbConnectionInterceptor
    {
        // SearchCases: SQLite's lower() knows only ASCII; "Översvämning" must be found by "översvämning".
        private static void AddFunctions(DbConnection connection) =>
            ((SqliteConnection)connection).CreateFunction(Cases.SearchCases.FoldFunction, (string? text) => text is null ? null : Cases.SearchCases.Fold(text), isDeterministic: true);

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            AddFunctions(connection);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            AddFunctions(connection);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
