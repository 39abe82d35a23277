using Microsoft.OpenApi;

namespace Moment.Web.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>, describing the personal API token as a bearer scheme.</summary>
internal static class OpenApiSetup
{
    public static IServiceCollection AddMomentOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Moment API",
                    Version = "v1",
                    Description = "Cases, customers, commitments and staffing for Moment. Authenticate with a personal API token: 'Authorization: Bearer <token>'. Errors are RFC 9457 problem+json.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal API token from your profile page or 'moment token create'.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });
}
