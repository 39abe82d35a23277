using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Moment.Web.Features.Queues;
using Moment.Web.Problems;

namespace Moment.Web.Security;

/// <summary>
/// How many requests one client address may send in a window to the doors that are open to anyone: the sign-in form's post,
/// and the customer's side (the page <c>/c/{token}</c> and <c>/api/public</c>). A customer's token has 256 bits, so guessing
/// one is hopeless anyway; the limits keep one address from loading the server or trying passwords across many accounts
/// (Identity's lockout already stops guessing at one account). More gets 429 with Retry-After: problem+json under /api, a
/// page in the reader's language elsewhere (<see cref="Problems.StatusPages"/>). Staff's own API and pages are not limited.
/// </summary>
internal static class RateLimits
{
    private const string SignIn = "sign-in";
    private const string Customer = "customer";
    private const string Chat = "chat";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        // A shift starting behind one office address signs in many people in the same minute: 20 lets a team in, and still
        // holds a password sprayer to 20 guesses a minute per address.
        var signIn = Limit.From(configuration.GetSection("RateLimits:SignIn"), permits: 20);
        // A customer's visit is a few requests (the page, an answer, the page again); 60 a minute is far beyond that.
        var customer = Limit.From(configuration.GetSection("RateLimits:Customer"), permits: 60);
        // The chat door is shared by everyone behind one address (a shop's, an office's wifi) and a chat is a few requests
        // a minute each: 600 keeps a workplace chatting and a flood from one address away from the others.
        var chat = Limit.From(configuration.GetSection("RateLimits:Chat"), permits: 600);
        // Nobody writes 20 messages a minute by hand; a script does, and it is held up alone.
        var chatWriter = Limit.From(configuration.GetSection("RateLimits:ChatWriter"), permits: 20);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejectedAsync;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => DoorOf(context.Request) switch
                {
                    SignIn => signIn.Partition($"{SignIn} {ClientOf(context)}"),
                    Customer => customer.Partition($"{Customer} {ClientOf(context)}"),
                    Chat => chat.Partition($"{Chat} {ClientOf(context)}"),
                    _ => RateLimitPartition.GetNoLimiter(""),
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(context => ChatWriterOf(context.Request) is { } token
                    ? chatWriter.Partition($"chat-writer {token}")
                    : RateLimitPartition.GetNoLimiter("")));
        });
    }

    /// <summary>After the status pages, so that a refused page request is shown the page that says so.</summary>
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    private static string? DoorOf(HttpRequest request)
    {
        if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/account/login"))
            return SignIn;
        if (request.Path.StartsWithSegments("/api/public/chat") || request.Path.StartsWithSegments(ChatHub.Path))
            return Chat;
        if (request.Path.StartsWithSegments("/api/public") || request.Path.StartsWithSegments("/c"))
            return Customer;
        return null;
    }

    /// <summary>The resume token of a chat message being written (<c>POST /api/public/chat/{token}/messages</c>), else null.</summary>
    private static string? ChatWriterOf(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments("/api/public/chat", out var rest))
            return null;
        var parts = (rest.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts is [var token, "messages"] && token.Length <= 100 ? token : null;
    }

    /// <summary>
    /// The address the request came from. An IPv6 client usually has a whole /64 to itself, so the /64 counts as one client.
    /// Without an address (an in-process test server) all share one partition.
    /// </summary>
    private static string ClientOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        // Pages get theirs from the status pages, which show the page for 429.
        if (!context.Request.Path.StartsWithSegments("/api"))
            return;
        await context.WriteProblemAsync(StatusCodes.Status429TooManyRequests, "Too many requests",
            ChatWriterOf(context.Request) is null
                ? $"Too many requests came from your address in a short time; try again in {seconds} seconds."
                : $"Too many messages in a short time; wait {seconds} seconds before writing again.");
    }

    /// <summary>A fixed window per client: <c>PermitLimit</c> requests each <c>Window</c> (a time span, one minute unless set).</summary>
    private sealed record Limit(int Permits, TimeSpan Window)
    {
        public static Limit From(IConfigurationSection section, int permits) =>
            new(section.GetValue("PermitLimit", permits), section.GetValue("Window", TimeSpan.FromMinutes(1)));

        public RateLimitPartition<string> Partition(string key) => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Permits,
            Window = Window,
            // Refused at once: a queued request would hold a connection open for the rest of the window.
            QueueLimit = 0,
        });
    }
}
