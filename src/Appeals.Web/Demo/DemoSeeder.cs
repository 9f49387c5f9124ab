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
/// The data ends today: recent denials have deadlines ahead, and the older ones were worked (<see cref="DemoCaseWork"/>)
/// before the remittances of the last <see cref="WorkedDays"/> days arrive, so some appeals are decided by them.
/// </summary>
public sealed class DemoSeeder(AppealsDbContext db, RemittanceImporter importer, Workflows.Routing.WorkflowDefinitions definitions,
    TimeProvider clock, IOptions<DemoSeedOptions> options, ILogger<DemoSeeder> logger)
{
    /// <summary>Remittances of these last days are imported after the older cases were worked.</summary>
    public const int WorkedDays = 60;

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Seed || await db.ImportedFiles.AnyAsync(ct)) return;

        var folder = Path.Combine(Path.GetTempPath(), "appeals-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var (data, files) = DemoFileWriter.GenerateInto(folder, new DemoOptions(settings.RandomSeed, settings.Claims).EndingOn(today));
            logger.LogInformation("Demo:Seed is on and the database is empty: importing {Files} generated demo files", files.Count);
            // Contracts first, so that the imports compare paid lines with them and open underpayment cases.
            await new Core.Contracts.ContractImporter(db, clock).ImportAsync(Path.Combine(folder, DemoContracts.FileName), "system:demo-seed", ct);
            // The files are named by payment date (yyyyMMdd-payer.835): the older ones first, then the team's work, then the rest.
            var cutoff = today.AddDays(-WorkedDays);
            var older = files.Where(f => string.CompareOrdinal(Path.GetFileName(f), cutoff.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)) < 0).ToList();
            var first = await ImportAsync(older, ct);
            var work = new DemoCaseWork(db, definitions, logger);
            var resubmitted = await work.ResubmitAsync(data, cutoff, ct);
            var second = await ImportAsync(files.Except(older).ToList(), ct);
            var closed = await work.CloseUnpaidAsync(today, ct);
            logger.LogInformation("Demo data imported: {Claims} claims, {Cases} denial cases, {Rejected} files rejected; {Resubmitted} cases resubmitted, {Closed} closed as upheld",
                first.Claims + second.Claims, first.DenialCases + second.DenialCases, first.Rejected + second.Rejected, resubmitted, closed);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    // The import scores each case as it stores it: the first queue a demo user sees is in priority order.
    private Task<ImportSummary> ImportAsync(IReadOnlyList<string> files, CancellationToken ct) =>
        files.Count == 0 ? Task.FromResult(new ImportSummary()) : importer.ImportAsync(files, new ImportOptions { Actor = "system:demo-seed" }, null, ct);
}
