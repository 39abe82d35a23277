using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Queues;

namespace Moment.Application.Chat;

/// <summary>
/// The customer's resume token: 256 random bits kept in their browser, the only key to their chat. Moment keeps its
/// SHA-256, so a copy of the database opens nobody's chat. An unknown token finds nothing (a fresh start), never
/// someone else's chat.
/// </summary>
public sealed class ChatTokens(AppDbContext db)
{
    public static (string Token, byte[] Hash) New()
    {
        var token = Secrets.New();
        return (token, Hash(token));
    }

    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    public async Task<WaitingContact> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
            throw new NotFoundException("This chat has ended or was never started. Start a new chat.");
        var hash = Hash(token.Trim());
        return await db.WaitingContacts.FirstOrDefaultAsync(c => c.ResumeTokenHash == hash, cancellationToken)
            ?? throw new NotFoundException("This chat has ended or was never started. Start a new chat.");
    }
}
