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

    [AllowAnonymous, HttpPost("Login")]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid) return View(form);
        var result = await signIn.PasswordSignInAsync(form.UserName, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.AppendAsync(form.UserName, Core.Audit.AuditActions.SignIn);
            return Url.IsLocalUrl(form.ReturnUrl) ? LocalRedirect(form.ReturnUrl) : RedirectToAction("Index", "Home");
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("A sign-in was refused: the account is locked out");
            ModelState.AddModelError("", "Too many failed attempts: this account is locked for a while. Ask an admin, or try again later.");
        }
        else ModelState.AddModelError("", "User name or password is wrong.");
        return View(form);
    }

    [HttpPost("Logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
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
