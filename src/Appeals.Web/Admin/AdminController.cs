using Appeals.Core.Audit;
using Appeals.Web.Account;
using Appeals.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Admin;

/// <summary>One user as the admin page lists them.</summary>
public sealed record UserRow(string Id, string UserName, IReadOnlyList<string> Roles, bool LockedOut);

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
            rows.Add(new UserRow(user.Id, user.UserName!, (await users.GetRolesAsync(user)).ToList(), user.LockoutEnd > clock.GetUtcNow()));
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
}
