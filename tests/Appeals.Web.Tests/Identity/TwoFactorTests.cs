using System.Net;
using System.Text.RegularExpressions;
using Appeals.Core.Audit;
using Appeals.Core.Persistence;
using Appeals.Web.Account;
using Appeals.Web.Identity;
using Appeals.Web.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.Identity;

/// <summary>The app as it runs outside the demo: Admins need a second factor, and the demo passwords are generated (so changed at first sign-in).</summary>
public sealed class TwoFactorAppFactory : DemoAppFactory
{
    protected override bool RequireAdminTwoFactor => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Password", "");
        builder.UseSetting("Demo:Claims", "100");
    }
}

/// <summary>Issue 14 item 6 over HTTP: password change, change at first sign-in, TOTP two-factor required for Admins (ADR 0088).</summary>
[Collection(WebCollection.Name)]
public sealed class TwoFactorTests(TwoFactorAppFactory app) : IClassFixture<TwoFactorAppFactory>
{
    private const string Password = "Chosen-Password-2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> CreateUserAsync(string role, bool mustChange = false)
    {
        var name = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser(name);
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (mustChange) Assert.True((await users.RequirePasswordChangeAsync(user)).Succeeded);
        return name;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = DemoAppFactory.AntiforgeryToken(await client.GetStringAsync(pageUrl, Ct));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields), Ct);
    }

    private static string PathOf(HttpResponseMessage response) => response.RequestMessage!.RequestUri!.AbsolutePath;

    private static string SharedKey(string page) =>
        WebUtility.HtmlDecode(Regex.Match(page, @"<kbd id=""shared-key"">([^<]+)</kbd>").Groups[1].Value) is { Length: > 0 } key
            ? key
            : throw new InvalidOperationException("No shared key on the page");

    /// <summary>Signs an Admin in and sets up their authenticator through the pages; the client and the shared key.</summary>
    private async Task<(HttpClient Client, string Key)> AdminWithAuthenticatorAsync(string name)
    {
        var client = app.CreateClient();
        await DemoAppFactory.SignInAsync(client, name, Password);
        var page = await client.GetAsync("/Admin", Ct);
        Assert.Equal("/Account/TwoFactor", PathOf(page));
        var key = SharedKey(await page.Content.ReadAsStringAsync(Ct));
        var enrolled = await PostAsync(client, "/Account/TwoFactor", "/Account/TwoFactor", new() { ["Code"] = Rfc6238.Code(key, DateTimeOffset.UtcNow) });
        Assert.Contains("id=\"recovery-codes\"", await enrolled.Content.ReadAsStringAsync(Ct));
        return (client, key);
    }

    [Fact]
    public async Task Admin_WithoutASecondFactor_IsSentToSetOneUpBeforeAnyPage()
    {
        var admin = await CreateUserAsync(AppealsRoles.Admin);
        var client = app.CreateClient();
        await DemoAppFactory.SignInAsync(client, admin, Password);

        foreach (var url in new[] { "/Admin", "/Dashboard", "/hangfire", "/Admin/Rules" })
            Assert.Equal("/Account/TwoFactor", PathOf(await client.GetAsync(url, Ct)));
        var page = await client.GetStringAsync("/Account/TwoFactor", Ct);
        Assert.Contains("id=\"two-factor-required\"", page);
        // A wrong code sets nothing up and the pages stay closed.
        var wrong = await PostAsync(client, "/Account/TwoFactor", "/Account/TwoFactor", new() { ["Code"] = "000000" == Rfc6238.Code(SharedKey(page), DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.DoesNotContain("id=\"recovery-codes\"", await wrong.Content.ReadAsStringAsync(Ct));
        Assert.Equal("/Account/TwoFactor", PathOf(await client.GetAsync("/Admin", Ct)));
    }

    [Fact]
    public async Task Admin_WithAnAuthenticator_SignsInWithItsCode_AndNotWithoutIt()
    {
        var admin = await CreateUserAsync(AppealsRoles.Admin);
        var (enrolled, key) = await AdminWithAuthenticatorAsync(admin);
        Assert.Equal("/Admin", PathOf(await enrolled.GetAsync("/Admin", Ct)));

        var client = app.CreateClient();
        var signIn = await DemoAppFactory.SignInAsync(client, admin, Password);
        Assert.Equal("/Account/LoginWith2fa", PathOf(signIn));
        Assert.Equal("/Account/Login", PathOf(await client.GetAsync("/Admin", Ct))); // the password alone signs nobody in
        var wrong = await PostAsync(client, "/Account/LoginWith2fa", "/Account/LoginWith2fa", new() { ["Code"] = "12345" });
        Assert.Contains(WebUtility.HtmlEncode(AccountController.FailedMessage), await wrong.Content.ReadAsStringAsync(Ct));
        // The code that set the authenticator up was used: the next step's code (within the one step of drift allowed).
        var right = await PostAsync(client, "/Account/LoginWith2fa", "/Account/LoginWith2fa", new() { ["Code"] = NextCode(key) });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("/Admin", PathOf(await client.GetAsync("/Admin", Ct)));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppealsDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.UserName == admin && e.Action == AuditActions.SignIn && e.Details == "with a second factor", Ct));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.UserName == admin && e.Action == AuditActions.SignInFailed && e.Details == "wrong second-factor code", Ct));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.UserName == admin && e.Action == AuditActions.TwoFactorChange, Ct));
    }

    /// <summary>A code of the step after the current one: one not used yet, still accepted (one step of drift either side).</summary>
    private static string NextCode(string key) => Rfc6238.Code(key, DateTimeOffset.UtcNow.AddSeconds(30));

    [Fact]
    public async Task AuthenticatorCode_UsedOnce_IsRefusedAgain_AlsoByAnotherNode()
    {
        var admin = await CreateUserAsync(AppealsRoles.Admin);
        var (_, key) = await AdminWithAuthenticatorAsync(admin);
        var used = NextCode(key);
        var first = app.CreateClient();
        await DemoAppFactory.SignInAsync(first, admin, Password);
        await PostAsync(first, "/Account/LoginWith2fa", "/Account/LoginWith2fa", new() { ["Code"] = used });
        Assert.Equal("/Admin", PathOf(await first.GetAsync("/Admin", Ct)));

        // The same code again (seen over a shoulder, or in a proxy's log), within its window: refused, and it counts as a failure.
        var replay = app.CreateClient();
        await DemoAppFactory.SignInAsync(replay, admin, Password);
        var refused = await PostAsync(replay, "/Account/LoginWith2fa", "/Account/LoginWith2fa", new() { ["Code"] = used });
        Assert.Contains(WebUtility.HtmlEncode(AccountController.FailedMessage), await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal("/Account/Login", PathOf(await replay.GetAsync("/Admin", Ct)));
        // An earlier step's code, still inside the window, is refused too: a newer one was used.
        Assert.False(await VerifyInFreshScopeAsync(admin, Rfc6238.Code(key, DateTimeOffset.UtcNow)));

        // The step is stored with the user, not in this process: a new context (another node, or after a restart) refuses it too.
        Assert.False(await VerifyInFreshScopeAsync(admin, used));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var stored = await users.GetAuthenticationTokenAsync((await users.FindByNameAsync(admin))!,
            OneUseAuthenticatorTokenProvider.LoginProvider, OneUseAuthenticatorTokenProvider.LastStepTokenName);
        Assert.Equal(DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeSeconds() / 30, long.Parse(stored!, System.Globalization.CultureInfo.InvariantCulture), 1.0);
    }

    private async Task<bool> VerifyInFreshScopeAsync(string userName, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return await users.VerifyTwoFactorTokenAsync((await users.FindByNameAsync(userName))!, users.Options.Tokens.AuthenticatorTokenProvider, code);
    }

    [Fact]
    public async Task TwoFactorPage_ShowsTheKeyAsAQrCodeBesideTheTypedKey()
    {
        var specialist = await CreateUserAsync(AppealsRoles.Specialist);
        var client = app.CreateClient();
        await DemoAppFactory.SignInAsync(client, specialist, Password);
        var response = await client.GetAsync("/Account/TwoFactor", Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.NotEmpty(SharedKey(page));
        var src = Regex.Match(page, @"<img id=""authenticator-qr"" src=""([^""]+)""");
        Assert.True(src.Success, "no QR code image on the page");
        const string dataUri = "data:image/png;base64,";
        var address = WebUtility.HtmlDecode(src.Groups[1].Value);
        Assert.StartsWith(dataUri, address);
        var png = Convert.FromBase64String(address[dataUri.Length..]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        // An address with a ~32-character secret needs a QR code of version 4 or more (33+ modules), 5 pixels each, plus the quiet zone.
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        Assert.InRange(width, (33 + 8) * 5, (77 + 8) * 5);
        // The page's own policy lets a data: image show (and nothing else inline).
        Assert.Contains("img-src 'self' data:", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Admin_ResetsAnotherUsersLostAuthenticator_TheySetItUpAgain_AndItIsAudited()
    {
        var (admin, _) = await AdminWithAuthenticatorAsync(await CreateUserAsync(AppealsRoles.Admin));
        var lostPhone = await CreateUserAsync(AppealsRoles.Admin);
        var (_, oldKey) = await AdminWithAuthenticatorAsync(lostPhone);
        string id, stamp;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var before = (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync(lostPhone))!;
            (id, stamp) = (before.Id, before.SecurityStamp!);
        }

        var reset = await PostAsync(admin, "/Admin", $"/Admin/Users/{id}/ResetTwoFactor", new() { ["reason"] = "lost phone" });
        Assert.Contains("was reset", await reset.Content.ReadAsStringAsync(Ct));

        // A new security stamp ends their sessions at the next check (Identity's five minutes); the password alone now signs
        // them in, and (an Admin) they must set up a new authenticator before any page.
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.NotEqual(stamp, (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync(lostPhone))!.SecurityStamp);
        var client = app.CreateClient();
        Assert.NotEqual("/Account/LoginWith2fa", PathOf(await DemoAppFactory.SignInAsync(client, lostPhone, Password)));
        var setup = await client.GetAsync("/Admin", Ct);
        Assert.Equal("/Account/TwoFactor", PathOf(setup));
        var newKey = SharedKey(await setup.Content.ReadAsStringAsync(Ct));
        Assert.NotEqual(oldKey, newKey);
        // The lost phone's codes open nothing.
        Assert.False(await VerifyInFreshScopeAsync(lostPhone, NextCode(oldKey)));

        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AppealsDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.TwoFactorChange && e.EntityId == lostPhone
            && e.Details == "authenticator reset by an admin" && e.Reason == "lost phone" && e.UserName != lostPhone, Ct));
    }

    [Fact]
    public async Task Admin_CannotResetTheirOwnAuthenticatorFromTheUsersList()
    {
        var name = await CreateUserAsync(AppealsRoles.Admin);
        var (admin, _) = await AdminWithAuthenticatorAsync(name);
        string id;
        await using (var scope = app.Services.CreateAsyncScope())
            id = (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync(name))!.Id;

        var refused = await PostAsync(admin, "/Admin", $"/Admin/Users/{id}/ResetTwoFactor", new());

        Assert.Contains("Reset your own authenticator from the Two-factor page.", await refused.Content.ReadAsStringAsync(Ct));
        await using var check = app.Services.CreateAsyncScope();
        Assert.True((await check.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync(name))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task Specialist_NeedsNoSecondFactor_ButMayTurnItOn()
    {
        var specialist = await CreateUserAsync(AppealsRoles.Specialist);
        var client = app.CreateClient();
        await DemoAppFactory.SignInAsync(client, specialist, Password);
        Assert.Equal("/Queue", PathOf(await client.GetAsync("/Queue", Ct)));

        var key = SharedKey(await client.GetStringAsync("/Account/TwoFactor", Ct));
        await PostAsync(client, "/Account/TwoFactor", "/Account/TwoFactor", new() { ["Code"] = Rfc6238.Code(key, DateTimeOffset.UtcNow) });

        var next = app.CreateClient();
        Assert.Equal("/Account/LoginWith2fa", PathOf(await DemoAppFactory.SignInAsync(next, specialist, Password)));
    }

    [Fact]
    public async Task FirstSignIn_WithThePasswordAnAdminSet_MustChangeItBeforeAnyPage()
    {
        var (admin, _) = await AdminWithAuthenticatorAsync(await CreateUserAsync(AppealsRoles.Admin));
        var name = $"new-{Guid.NewGuid():N}"[..16];
        var created = await PostAsync(admin, "/Admin", "/Admin/Users", new() { ["userName"] = name, ["role"] = AppealsRoles.Specialist });
        var firstPassword = Regex.Match(await created.Content.ReadAsStringAsync(Ct), @"first sign-in\): (\w+)").Groups[1].Value;
        Assert.NotEmpty(firstPassword);

        var client = app.CreateClient();
        await DemoAppFactory.SignInAsync(client, name, firstPassword);
        Assert.Equal("/Account/Password", PathOf(await client.GetAsync("/Queue", Ct)));
        var wrongCurrent = await PostAsync(client, "/Account/Password", "/Account/Password",
            new() { ["CurrentPassword"] = "Not-The-Password-1", ["NewPassword"] = "My-Own-Password-77", ["ConfirmPassword"] = "My-Own-Password-77" });
        Assert.Contains("The current password is wrong.", await wrongCurrent.Content.ReadAsStringAsync(Ct));
        var changed = await PostAsync(client, "/Account/Password", "/Account/Password",
            new() { ["CurrentPassword"] = firstPassword, ["NewPassword"] = "My-Own-Password-77", ["ConfirmPassword"] = "My-Own-Password-77" });

        Assert.Equal("/Queue", PathOf(changed));
        Assert.Equal("/Queue", PathOf(await client.GetAsync("/Queue", Ct)));
        Assert.Equal("/Account/Login", PathOf(await DemoAppFactory.SignInAsync(app.CreateClient(), name, firstPassword))); // what the admin saw no longer works
        var again = app.CreateClient();
        await DemoAppFactory.SignInAsync(again, name, "My-Own-Password-77");
        Assert.Equal("/Queue", PathOf(await again.GetAsync("/Queue", Ct)));
    }

    [Fact]
    public async Task DemoUsers_WithAGeneratedPassword_MustChangeIt()
    {
        app.CreateClient();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();

        foreach (var role in AppealsRoles.All)
        {
            var user = await users.FindByNameAsync(UserSeeder.DemoUserName(role));
            Assert.Contains(await users.GetClaimsAsync(user!), c => c.Type == AccountRequirements.MustChangePasswordClaim);
        }
    }
}
