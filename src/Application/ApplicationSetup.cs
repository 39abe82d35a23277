using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moment.Application.ApiTokens;
using Moment.Application.Demo;
using Moment.Application.Staff;
using Moment.Application.Staffing;
using Moment.Application.Teams;

namespace Moment.Application;

/// <summary>Registers every use case as itself: callers inject the handler class, so "go to definition" lands on the code that runs.</summary>
public static class ApplicationSetup
{
    public static IServiceCollection AddMomentApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<EnsureStaffRoles>();
        services.AddScoped<ListStaff>();
        services.AddScoped<SaveStaffMember>();
        services.AddScoped<ListTeams>();
        services.AddScoped<SaveTeam>();
        services.AddScoped<CreateApiToken>();
        services.AddScoped<ListApiTokens>();
        services.AddScoped<RevokeApiToken>();
        services.AddScoped<AuthenticateApiToken>();
        services.AddScoped<SeedDemoData>();
        services.AddSingleton<CalculateErlangC>();
        services.AddSingleton<CalculateErlangA>();
        services.AddSingleton<CompareStaffingPlans>();
        services.AddSingleton<SimulateDay>();
        services.AddScoped<RecordStaffingDecision>();
        services.AddScoped<ListStaffingDecisions>();
        return services;
    }
}
