using Microsoft.Extensions.Options;
using Moment.Web.Problems;
using Twilio.Security;

namespace Moment.Web.Features.Phone;

/// <summary>
/// Every Twilio webhook must carry <c>X-Twilio-Signature</c>: HMAC-SHA1, under the account's auth token, of the URL Twilio
/// called and its form fields, checked by Twilio's own validator. The URL is rebuilt as Twilio saw it: the scheme after
/// the forwarded-headers middleware (which believes only the configured proxies, <c>ForwardedHeaders:KnownProxies</c>),
/// the host, the path and the query. Anything else is refused with 403 before the flow runs, so a forged call changes
/// nothing; without an auth token every webhook is refused.
/// </summary>
internal sealed class TwilioSignature(IOptions<TwilioSettings> settings) : IEndpointFilter
{
    public const string Header = "X-Twilio-Signature";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (settings.Value.AuthToken is not { Length: > 0 } token
            || request.Headers[Header].ToString() is not { Length: > 0 } signature
            || !request.HasFormContentType)
            return await RefuseAsync(context.HttpContext);
        var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
        return new RequestValidator(token).Validate(url, fields, signature)
            ? await next(context)
            : await RefuseAsync(context.HttpContext);
    }

    private static async Task<object?> RefuseAsync(HttpContext context)
    {
        await context.WriteProblemAsync(StatusCodes.Status403Forbidden, "Signature refused",
            "This request does not carry a valid X-Twilio-Signature for the configured auth token.");
        return Results.Empty;
    }
}
