using System.ComponentModel.DataAnnotations;
using Appeals.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Appeals.Web.Account;

public sealed class LoginForm
{
    [Required, Display(Name = "User name")] public string UserName { get; set; } = "";
    [Required, DataType(DataType.Password)] public string Password { get; set; } = "";
    public string? ReturnUrl { get; set; }
}

/// <summary>Sign-in and sign-out. Failed attempts count towards lockout; messages never say which part was wrong.</summary>
[Route("Account")]
public sealed class AccountController(SignInManager<IdentityUser> signIn, Core.Audit.AuditLog audit, ILogger<AccountController> logger) : Controller
{
    [AllowAnonymous, HttpGet("Login")]
    public IActionResult Login(string? returnUrl = null) => View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous, HttpPost("Login"), Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Security.RequestRateLimits.SignIn)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid) return View(form);
        var user = await signIn.UserManager.FindByNameAsync(form.UserName);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            // Hash the password anyway, so an unknown name or a locked account takes as long to refuse as a wrong password.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new IdentityUser(), UnknownUserHash(), form.Password);
            return user is null ? await RefusedAsync(form, "(unknown)", "unknown user name") : await RefusedAsync(form, user.UserName!, "account locked");
        }
        var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.AppendAsync(form.UserName, Core.Audit.AuditActions.SignIn);
            return Url.IsLocalUrl(form.ReturnUrl) ? LocalRedirect(form.ReturnUrl) : RedirectToAction("Index", "Home");
        }
        // The password was right; the sign-in completes once the authenticator's code is (TwoFactorController).
        if (result.RequiresTwoFactor) return RedirectToAction("SignIn", "TwoFactor", new { returnUrl = Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : null });
        if (result.IsLockedOut) logger.LogWarning("A sign-in was refused: the account is locked out");
        return await RefusedAsync(form, user.UserName!, result.IsLockedOut ? "account locked" : "wrong password");
    }

    /// <summary>
    /// Audits a refused sign-in (an unknown name without what was typed: people type passwords into the user name field) and
    /// answers with the same words whatever went wrong, so the page does not tell a guesser which names exist or are locked.
    /// </summary>
    private async Task<IActionResult> RefusedAsync(LoginForm form, string userName, string why)
    {
        await audit.AppendAsync(userName, Core.Audit.AuditActions.SignInFailed, details: why);
        ModelState.AddModelError("", FailedMessage);
        return View(form);
    }

    private static string? _unknownUserHash;

    /// <summary>A hash made by this app's own hasher (same algorithm and iterations), of a password nobody knows.</summary>
    private string UnknownUserHash() => _unknownUserHash ??=
        signIn.UserManager.PasswordHasher.HashPassword(new IdentityUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    /// <summary>The one answer to every refused sign-in.</summary>
    public const string FailedMessage =
        "Sign-in failed: the user name or password is wrong, or the account is locked for a while after too many attempts. Ask an admin if it keeps failing.";

    [HttpPost("Logout")]
    public async Task<IActionResult> Logout()
    {
        var name = User.Identity?.Name;
        await signIn.SignOutAsync();
        if (name is not null) await audit.AppendAsync(name, Core.Audit.AuditActions.SignOut);
        return RedirectToAction(nameof(Login));
    }

    [AllowAnonymous, HttpGet("AccessDenied")]
    public IActionResult AccessDenied() => View();
}

/// <summary>The landing page: each role goes where its work is.</summary>
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() =>
        User.IsInRole(AppealsRoles.Specialist) || User.IsInRole(AppealsRoles.Manager) ? Redirect("/Queue")
        : User.IsInRole(AppealsRoles.Auditor) ? Redirect("/Audit")
        : User.IsInRole(AppealsRoles.Admin) ? Redirect("/Admin")
        : Redirect("/Account/AccessDenied");
}
