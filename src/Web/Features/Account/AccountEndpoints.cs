using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Moment.Application.Staff;

namespace Moment.Web.Features.Account;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/account/logout", async (SignInManager<StaffUser> signIn, [FromForm] string? returnUrl) =>
            {
                await signIn.SignOutAsync();
                return Results.LocalRedirect("/");
            })
            .ExcludeFromDescription();
}
