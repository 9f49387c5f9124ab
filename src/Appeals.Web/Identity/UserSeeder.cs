using System.Security.Cryptography;
using Appeals.Web.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Appeals.Web.Identity;

/// <summary>Demo:Seed and Demo:Password, as far as users are concerned.</summary>
public sealed class UserSeedOptions
{
    public bool Seed { get; set; }
    public string? Password { get; set; }
}

/// <summary>
/// Creates the roles, and on the first run with no users an admin whose random password is printed
/// once to the console (never logged). In demo mode also one user per role.
/// </summary>
public sealed class UserSeeder(AppealsIdentityDbContext db, UserManager<IdentityUser> users, RoleManager<IdentityRole> roles,
    IOptions<UserSeedOptions> options)
{
    public const string AdminUserName = "admin";

    /// <summary>The demo user name of each role: specialist, manager, auditor, admin.</summary>
    public static string DemoUserName(string role) => role.ToLowerInvariant();

    /// <summary>Lines to print to the console once (the passwords of users created now), empty when nothing was created.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        foreach (var role in AppealsRoles.All)
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)));

        var printed = new List<string>();
        var demo = options.Value;
        if (!await users.Users.AnyAsync(ct))
        {
            if (demo.Seed)
            {
                var password = string.IsNullOrEmpty(demo.Password) ? RandomPassword() : demo.Password;
                // A password printed to the console is changed at first sign-in; one the operator chose (Demo:Password) is theirs already.
                foreach (var role in AppealsRoles.All) await CreateAsync(DemoUserName(role), password, role, mustChange: string.IsNullOrEmpty(demo.Password));
                printed.Add($"Demo users created: {string.Join(", ", AppealsRoles.All.Select(DemoUserName))} (one per role).");
                printed.Add(string.IsNullOrEmpty(demo.Password)
                    ? $"Their password (shown once, not stored anywhere you can read; each user chooses a new one at first sign-in): {password}"
                    : "Their password is the one in Demo:Password.");
            }
            else
            {
                var password = RandomPassword();
                await CreateAsync(AdminUserName, password, AppealsRoles.Admin, mustChange: true);
                printed.Add($"First run: created user '{AdminUserName}' (Admin) with password {password}");
                printed.Add("It is shown once: sign in, choose a new password, set up an authenticator app, and add users under Admin.");
            }
        }
        return printed;
    }

    private async Task CreateAsync(string name, string password, string role, bool mustChange)
    {
        var user = new IdentityUser(name);
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        if (mustChange) Check(await users.RequirePasswordChangeAsync(user));
    }

    /// <summary>20 characters from an alphabet without look-alikes, always with upper, lower and digit.</summary>
    public static string RandomPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789";
        var chars = RandomNumberGenerator.GetItems<char>(upper + lower + digits, 17).ToList();
        chars.Add(RandomNumberGenerator.GetItems<char>(upper, 1)[0]);
        chars.Add(RandomNumberGenerator.GetItems<char>(lower, 1)[0]);
        chars.Add(RandomNumberGenerator.GetItems<char>(digits, 1)[0]);
        return new string(chars.ToArray());
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Could not create a user or role: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
