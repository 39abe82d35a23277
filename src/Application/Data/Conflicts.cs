using Microsoft.EntityFrameworkCore;

namespace Moment.Application.Data;

/// <summary>
/// Work that may lose a race for the same rows and should then simply be done again against what the other saved: a
/// person's own choice (their presence) or a fact that happened (a call ended), never a decision someone made on what
/// they saw, which gets a <see cref="Domain.ConflictException"/> instead.
/// </summary>
public static class Conflicts
{
    /// <summary>
    /// Runs <paramref name="work"/> (which reads what it changes, then saves) and, when the save loses to a concurrent
    /// change (a version moved, a row another inserted first), forgets what this attempt changed and runs it again.
    /// </summary>
    public static async Task<T> RetryAsync<T>(this AppDbContext db, Func<Task<T>> work, int attempts = 3)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (DbUpdateException) when (attempt < attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <inheritdoc cref="RetryAsync{T}(AppDbContext, Func{Task{T}}, int)"/>
    public static Task RetryAsync(this AppDbContext db, Func<Task> work, int attempts = 3) =>
        db.RetryAsync(async () => { await work(); return true; }, attempts);
}
