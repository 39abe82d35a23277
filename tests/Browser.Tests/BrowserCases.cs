using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain.Cases;

namespace Moment.Browser.Tests;

/// <summary>Cases a browser test starts from, registered as the desk registers them: the registrar owns the case.</summary>
public static class BrowserCases
{
    public const string Sara = "sara.holm@moment.test";

    /// <summary>A case for the demo customer of that name, registered by <paramref name="registrar"/> (Sara, by default).</summary>
    public static async Task<string> RegisterCaseAsync(
        this BrowserApp app, string customerName, string subject, string? description = null, CasePriority? priority = null, Door door = Door.Phone, string registrar = Sara)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var customerId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Customers.Where(c => c.Name == customerName).Select(c => c.Id).FirstAsync();
        return await RegisterAsync(scope, customerId, subject, description, priority, door, registrar);
    }

    /// <summary>A case for the customer with this id, registered by <paramref name="registrar"/> (Sara, by default).</summary>
    public static async Task<string> RegisterCaseAsync(
        this BrowserApp app, Guid customerId, string subject, string? description = null, CasePriority? priority = null, Door door = Door.Phone, string registrar = Sara)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await RegisterAsync(scope, customerId, subject, description, priority, door, registrar);
    }

    private static async Task<string> RegisterAsync(AsyncServiceScope scope, Guid customerId, string subject, string? description, CasePriority? priority, Door door, string registrar)
    {
        var staff = await scope.ServiceProvider.GetRequiredService<StaffCards>().FindByEmailAsync(registrar)
            ?? throw new InvalidOperationException($"{registrar} is not on the staff.");
        var registered = await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customerId, null, subject, description, priority, door, null), staff.Id);
        return registered.Number;
    }
}
