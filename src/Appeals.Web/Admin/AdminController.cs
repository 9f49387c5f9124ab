using Appeals.Core.Audit;
using Appeals.Web.Account;
using Appeals.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Admin;

/// <summary>One user as the admin page lists them.</summary>
public sealed record UserRow(string Id, string UserName, IReadOnlyList<string> Roles, bool LockedOut, bool TwoFactor);

/// <summary>For admins: users and roles, and the way to the job dashboard.</summary>
[Authorize(Policy = AppealsPolicies.Administer)]
[Route("Admin")]
public sealed class AdminController(UserManager<IdentityUser> users, AuditLog audit, TimeProvider clock, Queue.CaseWorkers caseWorkers) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = new List<UserRow>();
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync(ct))
            rows.Add(new UserRow(user.Id, user.UserName!, (await users.GetRolesAsync(user)).ToList(), user.LockoutEnd > clock.GetUtcNow(), user.TwoFactorEnabled));
        return View(rows);
    }

    /// <summary>Adds a user with one role and a random first password shown once to the admin.</summary>
    [HttpPost("Users")]
    public async Task<IActionResult> CreateUser(string userName, string role, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName) || !AppealsRoles.All.Contains(role))
        {
            TempData["Problem"] = "Give a user name and one of the roles.";
            return RedirectToAction(nameof(Index));
        }
        var user = new IdentityUser(userName.Trim());
        var password = UserSeeder.RandomPassword();
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, role);
        // A new specialist or manager is in the queue's Assign list at the next view.
        caseWorkers.Forget();
        // The admin knows this password: the user replaces it at first sign-in.
        if (created.Succeeded) created = await users.RequirePasswordChangeAsync(user);
        if (!created.Succeeded)
        {
            TempData["Problem"] = string.Join(" ", created.Errors.Select(e => e.Description));
            return RedirectToAction(nameof(Index));
        }
        await audit.AppendAsync(User.Identity!.Name!, AuditActions.UserChange, "User", user.UserName!, details: $"created with role {role}", ct: ct);
        TempData["Message"] = $"User {user.UserName} ({role}) created. First password, shown only now (they choose their own at first sign-in): {password}";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Locks a user out (no sign-in until unlocked) or lets them back in.</summary>
    [HttpPost("Users/{id}/Lock")]
    public async Task<IActionResult> Lock(string id, bool locked, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (user.UserName == User.Identity!.Name && locked)
        {
            TempData["Problem"] = "You cannot lock yourself out.";
            return RedirectToAction(nameof(Index));
        }
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(user);
        await audit.AppendAsync(User.Identity!.Name!, AuditActions.UserChange, "User", user.UserName!, details: locked ? "locked" : "unlocked", ct: ct);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>
    /// For a user who lost their authenticator and their recovery codes (ADR 0101): two-factor sign-in off, a new key nobody has
    /// seen, the recovery codes gone, and a new security stamp (their sessions end at the next stamp check, within five minutes). They sign in with their password and set it up again
    /// (an Admin must, before any page, while <c>Security:RequireAdminTwoFactor</c> is on). Not for oneself: the Two-factor page is.
    /// </summary>
    [HttpPost("Users/{id}/ResetTwoFactor")]
    public async Task<IActionResult> ResetTwoFactor(string id, string? reason, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (user.UserName == User.Identity!.Name)
        {
            TempData["Problem"] = "Reset your own authenticator from the Two-factor page.";
            return RedirectToAction(nameof(Index));
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, RecoveryCodesLoginProvider, RecoveryCodesTokenName);
        await users.ResetAuthenticatorKeyAsync(user); // also renews the security stamp
        var why = string.IsNullOrWhiteSpace(reason) ? "" : reason.Trim()[..Math.Min(reason.Trim().Length, 500)];
        await audit.AppendAsync(User.Identity!.Name!, AuditActions.TwoFactorChange, "User", user.UserName!, reason: why,
            details: "authenticator reset by an admin", ct: ct);
        TempData["Message"] = $"Two-factor sign-in of {user.UserName} was reset: they sign in with their password and set up their authenticator again.";
        return RedirectToAction(nameof(Index));
    }

    // Where Identity keeps a user's recovery codes (UserStoreBase's internal names).
    private const string RecoveryCodesLoginProvider = "[AspNetUserStore]";
    private const string RecoveryCodesTokenName = "RecoveryCodes";
}
