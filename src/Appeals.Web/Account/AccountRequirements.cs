using System.Security.Claims;
using Appeals.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace Appeals.Web.Account;

/// <summary>
/// What a signed-in user must do before anything else (issue 14 item 6, ADR 0088): change a password someone else chose
/// (an admin's first password, a demo password printed to the console), and, for an Admin when
/// <c>Security:RequireAdminTwoFactor</c> is on (the default), sign in with a second factor, which first means setting one up.
/// </summary>
public static class AccountRequirements
{
    /// <summary>A user claim (AspNetUserClaims) present while the password is one the user did not choose.</summary>
    public const string MustChangePasswordClaim = "appeals:must_change_password";

    /// <summary>The claim Identity adds to a session signed in with a second factor ("amr" = "mfa").</summary>
    public const string AuthenticationMethodClaim = "amr";

    public const string MultiFactor = "mfa";

    /// <summary>Marks a user as having a password chosen by someone else.</summary>
    public static Task<IdentityResult> RequirePasswordChangeAsync(this UserManager<IdentityUser> users, IdentityUser user) =>
        users.AddClaimAsync(user, new Claim(MustChangePasswordClaim, "true"));

    public static bool MustChangePassword(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == MustChangePasswordClaim);

    public static bool SignedInWithSecondFactor(this ClaimsPrincipal user) => user.HasClaim(AuthenticationMethodClaim, MultiFactor);

    /// <summary>Whether this session must still set up or pass a second factor before any page.</summary>
    public static bool MustUseSecondFactor(this ClaimsPrincipal user, IConfiguration configuration) =>
        RequireAdminTwoFactor(configuration) && user.IsInRole(AppealsRoles.Admin) && !user.SignedInWithSecondFactor();

    public static bool RequireAdminTwoFactor(IConfiguration configuration) => configuration.GetValue("Security:RequireAdminTwoFactor", true);

    /// <summary>
    /// Sends a signed-in user who owes a password change or a second factor to the page that settles it, whatever they asked
    /// for: only those pages, sign-out and the sign-in pages stay open. A POST elsewhere is refused the same way (a redirect), so
    /// nothing is changed by a session that has not met them.
    /// </summary>
    public static IApplicationBuilder UseAccountRequirements(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && !IsAccountPage(context.Request.Path))
        {
            if (user.MustChangePassword())
            {
                context.Response.Redirect("/Account/Password");
                return;
            }
            if (user.MustUseSecondFactor(context.RequestServices.GetRequiredService<IConfiguration>()))
            {
                context.Response.Redirect("/Account/TwoFactor");
                return;
            }
        }
        await next(context);
    });

    private static bool IsAccountPage(PathString path) =>
        path.StartsWithSegments("/Account/Password") || path.StartsWithSegments("/Account/TwoFactor")
        || path.StartsWithSegments("/Account/Logout") || path.StartsWithSegments("/Account/Login")
        || path.StartsWithSegments("/Account/AccessDenied") || path.StartsWithSegments("/health");
}
