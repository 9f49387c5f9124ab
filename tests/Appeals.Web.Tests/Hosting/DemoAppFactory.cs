using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Appeals.Web.Tests.Hosting;

/// <summary>
/// The real web app on its own temp SQLite file with Demo:Seed on, so start-up migrates and imports
/// generated demo data exactly as a first run does. One instance is shared by the tests of a class.
/// </summary>
public sealed class DemoAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "appeals-web-tests", Guid.NewGuid().ToString("N"));

    public string DatabaseFile => Path.Combine(_folder, "appeals.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Appeals", $"Data Source={DatabaseFile}");
        builder.UseSetting("Database:Provider", "sqlite");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Claims", "400");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* the OS temp cleanup gets it */ }
    }
}
