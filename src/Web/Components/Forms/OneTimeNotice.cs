using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Moment.Web.Components.Forms;

/// <summary>
/// Post, redirect, get: what a post has to say ("Maria will contact you by Monday", a new API token) is left for the page
/// it redirects to, which shows it once; a reload then shows the page, not the post again. It travels in a cookie for
/// that page's path only: encrypted (a token's secret must not sit readable in the browser), HttpOnly, bound to its
/// reader when there is one, and gone after the first read or a minute, whichever comes first.
/// </summary>
public sealed class OneTimeNotice(IDataProtectionProvider protection)
{
    private const string Cookie = "Moment.Notice";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Leaves <paramref name="notice"/> for the next request to <paramref name="path"/>, for <paramref name="reader"/> only when given.</summary>
    public void Leave(HttpContext http, string path, string notice, string? reader = null) =>
        http.Response.Cookies.Append(Cookie, Protector(reader).Protect(notice), Options(http, path, Lifetime));

    /// <summary>The notice left for this page, once: it is deleted as it is read.</summary>
    public string? Take(HttpContext http, string? reader = null)
    {
        if (!http.Request.Cookies.TryGetValue(Cookie, out var value))
            return null;
        http.Response.Cookies.Delete(Cookie, Options(http, http.Request.Path, null));
        try
        {
            return Protector(reader).Unprotect(value);
        }
        catch (CryptographicException)
        {
            // Left for someone else, or by an older key: not this reader's to see.
            return null;
        }
    }

    private IDataProtector Protector(string? reader) =>
        reader is null ? protection.CreateProtector(Cookie) : protection.CreateProtector(Cookie, reader);

    private static CookieOptions Options(HttpContext http, string path, TimeSpan? maxAge) => new()
    {
        Path = path,
        MaxAge = maxAge,
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
    };
}
