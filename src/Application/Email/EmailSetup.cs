using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Moment.Application.Email;

public static class EmailSetup
{
    /// <summary>The email door's use cases; a host that reads configuration registers its <see cref="EmailSettings"/> first.</summary>
    public static IServiceCollection AddMomentEmail(this IServiceCollection services)
    {
        services.TryAddSingleton<EmailSettings>();
        services.TryAddSingleton<IAttachmentStore, FolderAttachmentStore>();
        services.AddScoped<ReceiveEmail>();
        services.AddScoped<SendQueuedEmail>();
        services.AddScoped<MailboxClaims>();
        services.AddScoped<AnswerTooLargeEmail>();
        services.AddScoped<AcknowledgeNewCase>();
        return services;
    }
}
