using Appeals.Core.Demo;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Appeals.Web.Demo;

/// <summary>Demo:Seed and Demo:Claims from configuration.</summary>
public sealed class DemoSeedOptions
{
    public const string Section = "Demo";

    /// <summary>Import demo data on start when the database has no remittances.</summary>
    public bool Seed { get; set; }

    /// <summary>How many original claims to generate.</summary>
    public int Claims { get; set; } = 2000;

    public int RandomSeed { get; set; } = new DemoOptions().Seed;
}

/// <summary>
/// Fills an empty database with synthetic remittances the same way a user would: generate 835 files
/// into a temp folder and import them through the real importer (so the demo exercises the real path).
/// </summary>
public sealed class DemoSeeder(AppealsDbContext db, RemittanceImporter importer, IOptions<DemoSeedOptions> options, ILogger<DemoSeeder> logger)
{
    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Seed || await db.ImportedFiles.AnyAsync(ct)) return;

        var folder = Path.Combine(Path.GetTempPath(), "appeals-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (_, files) = DemoFileWriter.GenerateInto(folder, new DemoOptions(settings.RandomSeed, settings.Claims));
            logger.LogInformation("Demo:Seed is on and the database is empty: importing {Files} generated demo files", files.Count);
            // The import scores each case as it stores it: the first queue a demo user sees is in priority order.
            var summary = await importer.ImportAsync([folder], new ImportOptions { Actor = "system:demo-seed" }, null, ct);
            logger.LogInformation("Demo data imported: {Claims} claims, {Cases} denial cases, {Rejected} files rejected",
                summary.Claims, summary.DenialCases, summary.Rejected);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
