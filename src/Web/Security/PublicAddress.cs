namespace Moment.Web.Security;

/// <summary>
/// Where people reach Moment (<c>Moment:PublicBaseUrl</c>). Links that leave the app, such as the customer's link in a text
/// message or a letter, are built from it, never from the Host header of whatever request happens to ask.
/// </summary>
internal sealed class PublicAddress
{
    public const string Key = "Moment:PublicBaseUrl";

    private PublicAddress(Uri baseUrl) => BaseUrl = baseUrl;

    public Uri BaseUrl { get; }

    public string CustomerLink(string token) => $"{BaseUrl.AbsoluteUri.TrimEnd('/')}/c/{token}";

    public static PublicAddress From(IConfiguration configuration)
    {
        var value = configuration[Key];
        return Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Query.Length == 0 && url.Fragment.Length == 0
            ? new PublicAddress(url)
            : throw new InvalidOperationException($"{Key} must be the address where people reach Moment, such as https://moment.example.se; it is '{value}'.");
    }
}
