using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Appeals.Web.Demo;
using Appeals.Web.Identity;
using Appeals.Web.Security;
using Appeals.Workflows.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Appeals.Web.Hosting;

public static class AppealsWebApplicationExtensions
{
    /// <summary>
    /// Migrates the database (denial data and users), creates roles and the first users, and, when
    /// Demo:Seed is on and the database is empty, imports demo data.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var ct = app.Lifetime.ApplicationStopping;
        await AppealsDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppealsDbContext>(), ct);
        var firstUsers = await scope.ServiceProvider.GetRequiredService<UserSeeder>().SeedAsync(ct);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(ct);
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, firstUsers));
        WarnAboutKeyProtection(app);
    }

    /// <summary>Says so at startup when the key rings are kept as plain XML, or in a folder others can read (ADR 0087).</summary>
    private static void WarnAboutKeyProtection(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Appeals.Web.KeyRings");
        string[] folders = [PhiKeyRing.KeysPath(app.Configuration), PhiKeyRing.SessionKeysPath(app.Configuration)];
        foreach (var folder in folders.Where(KeyRingProtection.IsOpenToOthers))
            logger.LogWarning("The key ring folder {Folder} can be read by other users and this process cannot change that: make it mode 700, owned by the app's user", folder);
        if (!app.Environment.IsDevelopment() && KeyRingProtection.Describe(app.Configuration) == KeyProtection.FolderOnly)
            logger.LogWarning("{Setting} is not set: the master keys in {Folder} are plain XML, protected only by the folder's permissions (README, Keys)",
                KeyRingProtection.CertificatePathKey, folders[0]);
    }

    /// <summary>Forwarded headers from known proxies, security headers, HTTPS outside Development, authentication, routes.</summary>
    public static WebApplication MapAppealsWeb(this WebApplication app)
    {
        // First, so that the HTTPS redirection, cookies and the audit see the client's scheme behind a known proxy.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // The site's own scripts and styles carry no patient data: they may be cached (and revalidated), unlike everything else.
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = f => f.Context.Response.Headers.CacheControl = "no-cache" });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        // A password someone else chose, or an Admin without a second factor, is settled before any page (ADR 0088).
        Account.AccountRequirements.UseAccountRequirements(app);
        app.UseAuthorization();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        app.MapControllers();
        // Admins only (the filter checks the role); the dashboard has its own antiforgery for its POSTs.
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new HangfireAdminAuthorizationFilter()], AppPath = "/Admin" });
        return app;
    }

    /// <summary>Tells the person who started the app where to open it and how to sign in.</summary>
    private static void PrintBanner(WebApplication app, IReadOnlyList<string> firstUsers)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        foreach (var address in addresses) Console.WriteLine($"Appeals is running: open {address} in a browser and sign in.");
        // Written to the console only (never to the log): the one time anyone sees these passwords.
        foreach (var line in firstUsers) Console.WriteLine(line);
        if (firstUsers.Count == 0) Console.WriteLine("Sign in with your user name and password (an admin adds users under Admin).");
        Console.WriteLine("Stop with Ctrl+C.");
        Console.WriteLine();
    }
}
