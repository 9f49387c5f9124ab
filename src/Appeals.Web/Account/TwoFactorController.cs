using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Appeals.Core.Audit;
using Appeals.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Appeals.Web.Account;

/// <summary>The authenticator page: the shared key to add to an authenticator app, and whether sign-in asks for its code.</summary>
public sealed record TwoFactorPage(bool Enabled, string? SharedKey, string? AuthenticatorUri, bool Required, IReadOnlyList<string> RecoveryCodes)
{
    /// <summary>
    /// The <see cref="AuthenticatorUri"/> as a QR code for a phone's camera: a PNG in a <c>data:</c> address, which the page's CSP
    /// allows for images (<c>img-src 'self' data:</c>) and which never reaches a cache or a log as a separate request (ADR 0101).
    /// </summary>
    public string? QrCodeDataUri => AuthenticatorUri is null
        ? null
        : "data:image/png;base64," + Convert.ToBase64String(QRCoder.PngByteQRCodeHelper.GetQRCode(AuthenticatorUri, QRCoder.QRCodeGenerator.ECCLevel.M, 5, true));
}

public sealed class CodeForm
{
    [Required, StringLength(20), Display(Name = "Code")] public string Code { get; set; } = "";
    public string? ReturnUrl { get; set; }
}

/// <summary>
/// Two-factor sign-in with ASP.NET Core Identity's authenticator (TOTP, RFC 6238) support (ADR 0088): set up by adding the shared
/// key to any authenticator app and typing one of its codes; required for Admins, optional for everyone else. Recovery codes
/// are shown once, when it is set up.
/// </summary>
[Route("Account/TwoFactor")]
public sealed class TwoFactorController(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, AuditLog audit,
    IConfiguration configuration, UrlEncoder urlEncoder) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return View(await PageAsync(user, []));
    }

    /// <summary>Confirms the authenticator with one of its codes: sets it up the first time, or brings this session up to two factors.</summary>
    [HttpPost(""), Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Security.RequestRateLimits.SignIn)]
    public async Task<IActionResult> Index(CodeForm form, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var code = Normalise(form.Code);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(form.Code), "That code is not the authenticator's current one. Check the app's clock and try the next code.");
            return View(await PageAsync(user, []));
        }
        IReadOnlyList<string> recoveryCodes = [];
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            recoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
            await audit.AppendAsync(user.UserName!, AuditActions.TwoFactorChange, "User", user.UserName!, details: "authenticator set up", ct: ct);
        }
        // This session has now shown the second factor: the same claim a two-factor sign-in carries.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(AccountRequirements.AuthenticationMethodClaim, AccountRequirements.MultiFactor)]);
        return View(await PageAsync(user, recoveryCodes));
    }

    /// <summary>Turns two-factor sign-in off and forgets the key; refused for Admins while it is required.</summary>
    [HttpPost("Disable")]
    public async Task<IActionResult> Disable(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (await users.IsInRoleAsync(user, AppealsRoles.Admin) && AccountRequirements.RequireAdminTwoFactor(configuration))
        {
            TempData["Problem"] = "Admins must keep two-factor sign-in on.";
            return RedirectToAction(nameof(Index));
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.AppendAsync(user.UserName!, AuditActions.TwoFactorChange, "User", user.UserName!, details: "authenticator removed", ct: ct);
        TempData["Message"] = "Two-factor sign-in is off.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The second step of a sign-in for a user with two-factor on (after the password was right).</summary>
    /// <remarks>Shown even with no sign-in under way (it names no user); its POST then goes back to the password step.</remarks>
    [AllowAnonymous, HttpGet("/Account/LoginWith2fa")]
    public IActionResult SignIn(string? returnUrl = null) => View(new CodeForm { ReturnUrl = returnUrl });

    [AllowAnonymous, HttpPost("/Account/LoginWith2fa"), Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Security.RequestRateLimits.SignIn)]
    public async Task<IActionResult> SignIn(CodeForm form, CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToAction("Login", "Account");
        if (!ModelState.IsValid) return View(form);
        var code = Normalise(form.Code);
        // A wrong code counts towards lockout like a wrong password.
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await audit.AppendAsync(user.UserName!, AuditActions.SignIn, details: "with a second factor", ct: ct);
            return Url.IsLocalUrl(form.ReturnUrl) ? LocalRedirect(form.ReturnUrl) : LocalRedirect("/");
        }
        await audit.AppendAsync(user.UserName!, AuditActions.SignInFailed, details: result.IsLockedOut ? "account locked" : "wrong second-factor code", ct: ct);
        ModelState.AddModelError(nameof(form.Code), AccountController.FailedMessage);
        return View(form);
    }

    private async Task<TwoFactorPage> PageAsync(IdentityUser user, IReadOnlyList<string> recoveryCodes)
    {
        var enabled = await users.GetTwoFactorEnabledAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        var required = await users.IsInRoleAsync(user, AppealsRoles.Admin) && AccountRequirements.RequireAdminTwoFactor(configuration);
        // Once it is set up the key is not shown again: someone at an unlocked screen must not copy it.
        return enabled
            ? new TwoFactorPage(true, null, null, required, recoveryCodes)
            : new TwoFactorPage(false, FormatKey(key!), AuthenticatorUri(user.UserName!, key!), required, recoveryCodes);
    }

    /// <summary>Without the spaces apps show in the middle of a code (a recovery code keeps its dash).</summary>
    private static string Normalise(string code) => code.Replace(" ", "", StringComparison.Ordinal).Trim();

    /// <summary>The key in groups of four, as authenticator apps show and accept it.</summary>
    private static string FormatKey(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(chunk => new string(chunk)));

    /// <summary>The otpauth URI an authenticator app reads (Key Uri Format): 6 digits, 30 seconds, SHA-1.</summary>
    private string AuthenticatorUri(string userName, string key) =>
        $"otpauth://totp/{urlEncoder.Encode("Appeals")}:{urlEncoder.Encode(userName)}?secret={key}&issuer={urlEncoder.Encode("Appeals")}&digits=6";
}
