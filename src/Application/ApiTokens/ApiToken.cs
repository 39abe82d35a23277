using System.Security.Cryptography;
using System.Text;

namespace Moment.Application.ApiTokens;

/// <summary>
/// A personal API token. Only the SHA-256 hash of the secret is stored; the secret is shown once, when created.
/// The prefix is kept in clear so that a person can tell their tokens apart.
/// </summary>
public sealed class ApiToken
{
    public const int NameMaxLength = 100;
    private const string SecretPrefix = "mt_";

    private ApiToken()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = "";

    public string Hash { get; private set; } = "";

    public string Prefix { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public static (ApiToken Token, string Secret) Issue(Guid userId, string name, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        var secret = SecretPrefix + Secrets.New();
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = name,
            Hash = HashOf(secret),
            Prefix = secret[..(SecretPrefix.Length + 6)],
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return (token, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsRevoked => RevokedAt is not null;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;
}
