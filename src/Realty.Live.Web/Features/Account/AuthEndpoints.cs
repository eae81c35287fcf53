using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Realty.Live.Web.Data;
using Realty.Live.Web.Localization;

namespace Realty.Live.Web.Features.Account;

public sealed record LoginRequest(string? Email, string? Password);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        // Bearer tokens for tablet apps, LED walls and other systems; the browser UI uses the cookie.
        app.MapPost("/api/auth/login", async Task<IResult> (LoginRequest? login, SignInManager<AppUser> signIn) =>
        {
            if (string.IsNullOrWhiteSpace(login?.Email) || string.IsNullOrEmpty(login.Password))
            {
                return Results.Problem(statusCode: 400, detail: L.T("auth.failed"));
            }
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(login.Email.Trim(), login.Password, isPersistent: false, lockoutOnFailure: true);
            return result.Succeeded
                ? Results.Empty // the bearer handler has written the token response
                : Results.Problem(statusCode: 401, detail: L.T(result.IsLockedOut ? "auth.lockedOut" : "auth.failed"));
        }).AllowAnonymous().WithTags("Auth");

        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).DisableAntiforgery();

        // The language switch: a cookie the request-localisation middleware reads before the browser's languages.
        app.MapGet("/culture", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (L.Cultures.Any(c => c.Name == culture))
            {
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            }
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/");
        });

        return app;
    }
}
