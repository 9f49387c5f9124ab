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
        var right = await PostAsync(client, "/Account/LoginWith2fa", "/Account/LoginWith2fa", new() { ["Code"] = Rfc6238.Code(key, DateTimeOffset.UtcNow) });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("/Admin", PathOf(await client.GetAsync("/Admin", Ct)));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppealsDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.UserName == admin && e.Action == AuditActions.SignIn && e.Details == "with a second factor", Ct));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.UserName == admin && e.Action == AuditActions.SignInFailed && e.Details == "wrong second-factor code", Ct));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.UserName == admin && e.Action == AuditActions.TwoFactorChange, Ct));
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
