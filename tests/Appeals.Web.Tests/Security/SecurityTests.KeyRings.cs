using Appeals.Core.Privacy;
using Appeals.Web.Tests.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.Security;

/// <summary>Issue 14 item 2: a copy of the ring that signs sessions opens no patient data, and a copy of the PHI ring forges no session (ADR 0087).</summary>
public sealed partial class SecurityTests
{
    private static readonly string[] CookiePurposes = ["Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2"];

    private async Task<string> SignedInCookieAsync(string role)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await DemoAppFactory.SignInAsync(client, role, DemoAppFactory.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Appeals.Auth=", StringComparison.Ordinal));
        return cookie["Appeals.Auth=".Length..cookie.IndexOf(';')];
    }

    [Fact]
    public async Task TheRingThatSignsSessions_CannotOpenADataKeyOfPatientData()
    {
        var dataKey = await InDatabase(db => db.PhiDataKeys.Select(k => k.ProtectedKey).FirstAsync(Ct));
        var sessions = app.Services.GetRequiredService<IDataProtectionProvider>(); // what cookies and antiforgery use

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            sessions.CreateProtector(PhiProtector.Purpose, PhiProtector.DataKeysPurpose).Unprotect(dataKey));
        // The same bytes open with the PHI ring, so the refusal above is the ring's and not a damaged key.
        var phiRing = PhiKeyRing.OpenRing(System.IO.Path.Combine(app.Folder, "keys"), null).GetRequiredService<IDataProtectionProvider>();
        Assert.Equal(32, phiRing.CreateProtector(PhiProtector.Purpose, PhiProtector.DataKeysPurpose).Unprotect(dataKey).Length);
    }

    [Fact]
    public async Task ACopyOfThePhiRing_CannotReadOrForgeASignInCookie()
    {
        var cookie = await SignedInCookieAsync("specialist");
        var phiRing = PhiKeyRing.OpenRing(System.IO.Path.Combine(app.Folder, "keys"), null).GetRequiredService<IDataProtectionProvider>();
        var sessions = app.Services.GetRequiredService<IDataProtectionProvider>();

        Assert.Null(new TicketDataFormat(phiRing.CreateProtector(CookiePurposes)).Unprotect(cookie));
        Assert.Equal("specialist", new TicketDataFormat(sessions.CreateProtector(CookiePurposes)).Unprotect(cookie)?.Principal.Identity?.Name);
        Assert.NotEmpty(Directory.GetFiles(System.IO.Path.Combine(app.Folder, "session-keys"), "key-*.xml"));
    }
}
