using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Moment.Application;
using Moment.Application.Feed;
using Moment.Application.Data;
using Moment.Web;
using Moment.Web.Background;
using Moment.Web.Components;
using Moment.Web.Components.Forms;
using Moment.Web.Features.Absences;
using Moment.Web.Features.Account;
using Moment.Web.Features.Cases;
using Moment.Web.Features.Commitments;
using Moment.Web.Features.Conversations;
using Moment.Web.Features.Customers;
using Moment.Web.Features.Email;
using Moment.Web.Features.Knowledge;
using Moment.Web.Features.KnownIssues;
using Moment.Web.Features.Macros;
using Moment.Web.Features.Notifications;
using Moment.Web.Features.Mandates;
using Moment.Web.Features.Phone;
using Moment.Web.Features.Queues;
using Moment.Web.Features.Staff;
using Moment.Web.Features.Staffing;
using Moment.Web.Features.Views;
using Moment.Web.Localization;
using Moment.Web.OpenApi;
using Moment.Web.Problems;
using Moment.Web.Realtime;
using Moment.Web.ScaleOut;
using Moment.Web.Security;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

if (!builder.Environment.IsDevelopment())
    builder.Logging.ClearProviders().AddJsonConsole(options => options.IncludeScopes = true);

var database = DatabaseSettings.From(builder.Configuration);
builder.Services.AddEmailDoor(builder.Configuration);
builder.Services.AddTwilioPhone(builder.Configuration);
builder.Services.AddMomentDatabase(database).AddMomentApplication();
builder.Services.Configure<DemoMode>(builder.Configuration.GetSection("Demo"));
builder.Services.AddHostedService<DatabasePreparation>();
builder.Services.AddHostedService<KnowledgeIndexStart>();

builder.Services.AddStaffAuthentication();
builder.Services.AddAntiforgery();
builder.Services.AddSecurityHeaders();
builder.Services.AddRateLimits(builder.Configuration);
builder.Services.AddSingleton(PublicAddress.From(builder.Configuration));
builder.Services.AddLanguages();

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
// Malformed bodies throw, so that ProblemExceptionHandler can tell the caller what was wrong in every environment.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.Configure<JsonOptions>(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));

builder.Services.AddMomentOpenApi();
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
builder.Services.AddSingleton<OneTimeNotice>();
builder.Services.AddScoped<Moment.Web.Features.Notifications.CasesWithNews>();
builder.Services.AddSingleton(CustomerServicePhone.From(builder.Configuration));
builder.Services.AddSingleton<DeadlineRounds>();
builder.Services.AddHostedService<CaseDeadlineService>();
builder.Services.AddSingleton<IFeedSubscriber, LiveNotifications>();
builder.Services.AddHostedService<FeedService>();
builder.Services.AddHostedService<RoutingService>();
builder.Services.AddSingleton<ChatFollowers>();
builder.Services.AddChatWidgetCors();
builder.Services.AddHostedService<ChatPushService>();
// Enums as the API writes them ("waiting", not 1), so the widget reads the hub's messages as it reads the API's answers.
builder.Services.AddSignalR().AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(
    new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
builder.Services.AddScaleOut(builder.Configuration);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
// Blazor's script (_framework/blazor.web.js) is a static web asset of the framework. Development serves it from the build
// output by itself; this does it in every environment (tests, Production from `dotnet run`). Published apps have it in wwwroot.
builder.WebHost.UseStaticWebAssets();

var app = builder.Build();

app.UseScaleOut();
app.UseSecurityHeaders();
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/error",
    AllowStatusCode404Response = true,
    StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
app.UseStatusPages();
app.UseSeeOtherAfterPost();
app.UseApiReferenceLanguage();
app.UseApiBodyLimit();
app.UseRateLimits();
// Routing after the error pages, so that re-executing /error or /not-found finds its endpoint.
app.UseRouting();
app.UseRequestLocalization();
app.UseCors();
app.UseSameOriginApi();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseBadFormPostsAsBadRequests();

app.MapStaticAssets();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapOpenApi();
app.MapScalarApiReference(ApiReference.Path, ApiReference.Configure);

app.MapLanguageSwitch();
app.MapAccountEndpoints();
var api = app.MapGroup("/api").RequireAuthorization();
api.MapStaffApi();
api.MapStaffingApi();
api.MapCustomersApi();
api.MapCasesApi();
api.MapViewsApi();
api.MapAbsencesApi();
api.MapCommitmentsApi();
api.MapConversationsApi();
api.MapQueuesApi();
api.MapKnowledgeApi();
api.MapKnownIssuesApi();
api.MapMacrosApi();
api.MapNotificationsApi();
api.MapMandatesApi();
api.MapPhoneApi();
app.MapPublicCaseApi();
app.MapPublicPromiseApi();
app.MapPublicChatApi();
app.MapChatDemo();
app.MapTwilioPhoneApi();
app.MapPhoneDemo();
app.MapPublicKnowledgeApi();
app.MapPbxApi();
app.MapFallback("/api/{**path}", (string path) => TypedResults.Problem(
    statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no API endpoint at /api/{path}."));

app.MapHub<LiveHub>(LiveHub.Path);
app.MapHub<ChatHub>(ChatHub.Path).RequireCors(ChatWidgetCors.Policy);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>The entry point, public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
