using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>
/// Group commit for new cases: registrations that arrive while a batch is being written wait, and go together in the
/// next batch: one read of their customers with their numbers, one insert of all their cases and first timeline entries,
/// one commit. It is what PostgreSQL does for its own log flushes, and what lets intake share the round trips and the
/// commit that cost most of a lone registration. Each caller is answered only after the commit that holds its case: a
/// registration acknowledged is a registration stored.
/// </summary>
/// <remarks>
/// <para>Nothing waits on a timer: a registration that arrives when a writer is free is written at once, alone; batches
/// grow only under load, by as many as arrived during the previous write. The writers are the callers' own work, started
/// when a registration arrives and no writer has room, and gone when nothing waits.</para>
/// <para>A batch the database refuses is written again one case at a time, so that only the registration at fault fails.
/// A customer who does not exist fails that registration alone, before any number is drawn for it.</para>
/// <para>On SQLite one writer runs at a time (the database has one writer anyway), on PostgreSQL two, so that one batch
/// can be sent while the other waits for its commit.</para>
/// </remarks>
public sealed class CaseIntake(IServiceProvider services, DatabaseSettings settings)
{
    /// <summary>Enough to take a burst in a few batches; a batch is about one case, two timeline entries and 3 KiB per registration.</summary>
    private const int MaxBatch = 64;

    private readonly ConcurrentQueue<Waiting> _waiting = new();
    private readonly int _maxWriters = settings.Provider == DatabaseProvider.Postgres ? 2 : 1;
    private int _writers;

    /// <summary>
    /// Registers the case <paramref name="registration"/> describes (its number is drawn here) in the next batch and returns
    /// it with its customer's name once committed. Refused with <see cref="DomainRuleException"/> when the customer does
    /// not exist or the registration breaks a rule of <see cref="Case.Register"/>.
    /// </summary>
    public async Task<(Case Case, string CustomerName)> RegisterAsync(CaseRegistration registration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waiting = new Waiting(registration, now);
        _waiting.Enqueue(waiting);
        StartWriterIfRoom();
        // The caller may stop waiting; the batch is not stopped for it (others' cases are in it), and the case may be stored.
        return await waiting.Done.Task.WaitAsync(cancellationToken);
    }

    private void StartWriterIfRoom()
    {
        while (!_waiting.IsEmpty)
        {
            var writers = Volatile.Read(ref _writers);
            if (writers >= _maxWriters)
                return;
            if (Interlocked.CompareExchange(ref _writers, writers + 1, writers) != writers)
                continue;
            // Not on the caller's execution context: the writer serves many requests and must carry none's trace or culture.
            using (ExecutionContext.SuppressFlow())
                _ = Task.Run(WriteWhileWaitingAsync);
            return;
        }
    }

    private async Task WriteWhileWaitingAsync()
    {
        try
        {
            var batch = new List<Waiting>(MaxBatch);
            while (true)
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _waiting.TryDequeue(out var next))
                    batch.Add(next);
                if (batch.Count == 0)
                    return;
                await WriteAsync(batch);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _writers);
            // A registration that arrived just as this writer found the queue empty, while every writer was busy.
            StartWriterIfRoom();
        }
    }

    private async Task WriteAsync(IReadOnlyList<Waiting> batch)
    {
        try
        {
            await WriteTogetherAsync(batch);
        }
        catch (DbUpdateException) when (batch.Count > 1)
        {
            // Rolled back as a whole: each on its own now, so that only the one at fault fails.
            foreach (var one in batch)
                await WriteAsync([one]);
        }
        catch (Exception error)
        {
            foreach (var one in batch)
                one.Done.TrySetException(error);
        }
    }

    private async Task WriteTogetherAsync(IReadOnlyList<Waiting> batch)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var numbers = scope.ServiceProvider.GetRequiredService<CaseNumbers>();
        // The work of one request, not of the app's shutdown: a batch under way is finished, and its callers answered.
        var cancellationToken = CancellationToken.None;
        // A batch that fails is written again (one by one), never continued.
        using var savepoints = Savepoints.Off(db);
        // On PostgreSQL the numbers need no transaction (a sequence is outside them), and the inserts go as one batch of
        // statements, which PostgreSQL runs as one implicit transaction: two round trips a batch, no BEGIN or COMMIT.
        // (A batch of 64 cases is 192 statements; Npgsql's EF provider sends up to 1,000 in one batch.) SQLite moves its
        // counter and inserts in one transaction, one turn at the write gate.
        var postgres = db.Database.IsNpgsql();
        if (postgres)
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        await using var transaction = postgres ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        var reserved = await numbers.ReserveAsync([.. batch.Select(w => w.Registration.CustomerId)], cancellationToken);
        var written = new List<(Waiting Waiting, Case Case, string CustomerName)>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var waiting = batch[i];
            if (reserved[i] is not { } reservation)
            {
                waiting.Done.TrySetException(new DomainRuleException("That customer does not exist.", "CustomerId"));
                continue;
            }

            try
            {
                var @case = Case.Register(waiting.Registration with { Number = CaseNumbers.Format(waiting.Now.Year, reservation.Next) }, waiting.Now);
                db.Cases.Add(@case);
                written.Add((waiting, @case, reservation.CustomerName));
            }
            catch (RefusalException refused)
            {
                // Its number is a gap, as a number drawn for a failed registration always is.
                waiting.Done.TrySetException(refused);
            }
        }

        if (written.Count == 0)
            return;
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        foreach (var (waiting, @case, customerName) in written)
            waiting.Done.TrySetResult((@case, customerName));
    }

    private sealed class Waiting(CaseRegistration registration, DateTimeOffset now)
    {
        public CaseRegistration Registration { get; } = registration;

        public DateTimeOffset Now { get; } = now;

        public TaskCompletionSource<(Case, string)> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
