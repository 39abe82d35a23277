using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Moment.Application.Absences;
using Moment.Application.Cases;
using Moment.Application.Customers;
using Moment.Application.Staff;
using Moment.Domain.Customers;
using Moment.Web.Security;

namespace Moment.Web.Features.Customers;

/// <summary>
/// A customer; <paramref name="Language"/> is the language they are answered in (null: not known), <paramref name="Reach"/>
/// who their new contacts reach now (channel routing will use it when channels come).
/// </summary>
public sealed record CustomerResponse(
    Guid Id, string Name, IReadOnlyList<string> PhoneNumbers, IReadOnlyList<string> EmailAddresses, string? PostalAddress, CustomerLanguage? Language,
    PersonRef? RegularContact, Reach? Reach)
{
    public static CustomerResponse Of(CustomerSummary customer, CustomerContact contact) => new(
        customer.Id, customer.Name, customer.PhoneNumbers, customer.EmailAddresses, customer.PostalAddress, customer.Language, contact.RegularContact, contact.Reach);
}

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
            .WithSummary("Registers a customer. Only the name is required: a landline alone is enough. At most 20 phone numbers and 20 email addresses. "
                + "'language' (Swedish or English), when known, is the language they are answered in.");
        customers.MapGet("/", (string? query, ClaimsPrincipal user, FindCustomers find, CancellationToken ct) => find.HandleAsync(query, user.ServesCustomers(), ct))
            .WithSummary("Finds customers by name, phone number (any notation), email address or case number: at least 2 letters or digits, "
                + "matched as written (% and _ are no wildcards). Roles that do not serve customers (Leadership) find by name or case number "
                + "and get names only: no phone numbers, email addresses or postal address.");
        customers.MapGet("/{id:guid}", async Task<Results<Ok<CustomerResponse>, NotFound>> (
                Guid id, ClaimsPrincipal user, FindCustomers find, CustomerReach reach, CancellationToken ct) =>
                await find.ByIdAsync(id, user.ServesCustomers(), ct) is { } customer
                    ? TypedResults.Ok(CustomerResponse.Of(customer, await reach.HandleAsync(id, ct)))
                    : TypedResults.NotFound())
            .WithSummary("One customer, with a key account's regular contact and who reaches them now (the stand-in while the regular contact is away). "
                + "Contact details only for roles that serve customers.");
        var customer = customers.MapGroup("/{id:guid}").RequireAuthorization(StaffPolicies.CaseWorker);
        customer.MapGet("/profile", async Task<Results<Ok<CustomerProfileView>, NotFound>> (
                Guid id, ClaimsPrincipal user, StaffCards cards, CustomerProfile profile, CancellationToken ct) =>
                await profile.HandleAsync(id, await user.ActorAsync(cards, ct), ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithSummary("The customer's page: contact details, regular contact, every case (newest 100), open promises, the last contact at each door and the history of their details.");
        customer.MapPut("/", async (Guid id, EditCustomerRequest body, ClaimsPrincipal user, StaffCards cards, EditCustomer edit, CancellationToken ct) =>
                TypedResults.Ok(await edit.HandleAsync(id, body, await user.ActorAsync(cards, ct), ct)))
            .WithSummary("Corrects the customer's details: every field as it should be now (a list replaces the list; a language left out or null is "
                + "not known, else swedish or english). Each change is kept in the customer's history.");
        customer.MapPost("/merge", async (Guid id, MergeCustomersRequest body, ClaimsPrincipal user, StaffCards cards, MergeCustomers merge, CancellationToken ct) =>
                TypedResults.Ok(await merge.HandleAsync(id, body, await user.ActorAsync(cards, ct), ct)))
            .WithSummary("Merges another customer who is the same person into this one: their numbers, addresses, cases and conversations "
                + "become this customer's, and the other is removed. All or nothing; refused when the two together have more than 20 numbers or addresses.");
        return api;
    }
}
