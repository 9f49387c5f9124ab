using Appeals.Core.Persistence;
using Appeals.Web.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Appeals.Web.Hosting;

public static class AppealsWebApplicationExtensions
{
    /// <summary>Migrates the database and, when Demo:Seed is on and the database is empty, imports demo data.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await AppealsDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppealsDbContext>(), app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(app.Lifetime.ApplicationStopping);
    }

    /// <summary>Routes, static files and the start-up banner.</summary>
    public static WebApplication MapAppealsWeb(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseRouting();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        app.MapControllerRoute("default", "{controller=Cases}/{action=Index}/{id?}");
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app));
        return app;
    }

    /// <summary>Tells the person who started the app where to open it and how to sign in.</summary>
    private static void PrintBanner(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        foreach (var address in addresses) Console.WriteLine($"Appeals is running: open {address} in a browser.");
        Console.WriteLine("Sign-in: there is none yet. Every page is open to anyone who can reach this address,");
        Console.WriteLine("so keep it on localhost; accounts and roles come with the web app's next version.");
        Console.WriteLine("Stop with Ctrl+C.");
        Console.WriteLine();
    }
}
