using System.ComponentModel.DataAnnotations;
using Appeals.Core.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Appeals.Web.Account;

public sealed class PasswordForm
{
    [Required, DataType(DataType.Password), Display(Name = "Current password")] public string CurrentPassword { get; set; } = "";
    [Required, DataType(DataType.Password), Display(Name = "New password")] public string NewPassword { get; set; } = "";
    [Required, DataType(DataType.Password), Display(Name = "New password again"), Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>Every signed-in user changes their own password here; one chosen by someone else must be changed before anything else.</summary>
[Route("Account/Password")]
public sealed class PasswordController(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, AuditLog audit) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new PasswordForm());

    [HttpPost("")]
    public async Task<IActionResult> Index(PasswordForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View(form);
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (form.NewPassword == form.CurrentPassword)
        {
            ModelState.AddModelError(nameof(form.NewPassword), "Choose a password other than the current one.");
            return View(form);
        }
        // Checks the current password and the policy, and renews the security stamp: the user's other sessions end.
        var changed = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!changed.Succeeded)
        {
            foreach (var error in changed.Errors) ModelState.AddModelError("", error.Code == "PasswordMismatch" ? "The current password is wrong." : error.Description);
            return View(form);
        }
        foreach (var claim in (await users.GetClaimsAsync(user)).Where(c => c.Type == AccountRequirements.MustChangePasswordClaim))
            await users.RemoveClaimAsync(user, claim);
        // RefreshSignInAsync keeps how this session signed in (a second factor stays on it).
        await signIn.RefreshSignInAsync(user);
        await audit.AppendAsync(user.UserName!, AuditActions.PasswordChange, "User", user.UserName!, ct: ct);
        TempData["Message"] = "Your password was changed. Other sessions of yours are signed out.";
        return LocalRedirect("/");
    }
}
