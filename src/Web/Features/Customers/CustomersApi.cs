using Microsoft.AspNetCore.Http.HttpResults;
using Moment.Application.Customers;
using Moment.Web.Security;

namespace Moment.Web.Features.Customers;

internal static class CustomersApi
{
    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");
        customers.MapPost("/", async (RegisterCustomerRequest body, RegisterCustomer register, CancellationToken ct) =>
            {
                var customer = await register.HandleAsync(body, ct);
                return TypedResults.Created($"/api/customers/{customer.Id}", customer);
            })
            .RequireAuthorization(StaffPolicies.CaseWorker)
            .WithSummary("Registers a customer. Only the name is required: a landline alone is enough.");
        customers.MapGet("/", (string? query, FindCustomers find, CancellationToken ct) => find.HandleAsync(query, ct))
            .WithSummary("Finds customers by name, phone number (any notation), email address or case number.");
        customers.MapGet("/{id:guid}", async Task<Results<Ok<CustomerSummary>, NotFound>> (Guid id, FindCustomers find, CancellationToken ct) =>
                await find.ByIdAsync(id, ct) is { } customer ? TypedResults.Ok(customer) : TypedResults.NotFound())
            .WithSummary("One customer.");
        return api;
    }
}
