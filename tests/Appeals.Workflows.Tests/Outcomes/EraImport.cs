using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Workflows.Outcomes;
using Appeals.Workflows.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appeals.Workflows.Tests.Outcomes;

/// <summary>Imports an ERA as the app does, with the outcome handler that records what it says about open cases.</summary>
internal static class EraImport
{
    internal static async Task RunAsync(AppealsDbContext db, string folder, string name, string x12, CancellationToken ct = default)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, x12, ct);
        var importer = new RemittanceImporter(db, new DenialDetector(CarcCatalog.Shipped), TimeProvider.System,
            NullLogger<RemittanceImporter>.Instance, [new EraOutcomeHandler(WorkflowDefinitions.Shipped, TimeProvider.System)]);
        var summary = await importer.ImportAsync([path], new ImportOptions(), ct: ct);
        Assert.True(summary.Errors.Count == 0, string.Join("; ", summary.Errors.Select(e => e.Message)) + string.Join("; ", summary.Warnings));
    }
}
