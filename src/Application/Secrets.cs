using System.Buffers.Text;
using System.Security.Cryptography;

namespace Moment.Application;

/// <summary>The random secrets that are someone's only key: a customer's case link, a chat's resume token, an API token.</summary>
public static class Secrets
{
    /// <summary>256 random bits, URL-safe: guessing one is hopeless, so it may stand alone as the key.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
