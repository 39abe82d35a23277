namespace Moment.Web.Features.Queues;

/// <summary>
/// The chat widget is one script tag on the company's own site, so its calls to Moment come from another origin. Any
/// origin may call the chat's public endpoints and its hub, without credentials: the resume token in the call is the
/// only key, and no cookie of Moment's is ever sent along, so another site gains nothing it could not do with its own
/// copy of the widget.
/// </summary>
internal static class ChatWidgetCors
{
    public const string Policy = "chat-widget";

    public static IServiceCollection AddChatWidgetCors(this IServiceCollection services) =>
        services.AddCors(options => options.AddPolicy(Policy, policy => policy.AllowAnyOrigin().AllowAnyHeader().WithMethods("GET", "POST")));
}
