using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appeals.Core.Tests.Builders;

/// <summary>835 files for an import test, written to the test database's folder and imported through the real reader.</summary>
internal sealed class ImportBed(TestDatabase database)
{
    public List<IImportedRemittanceHandler> Handlers { get; } = [];

    /// <summary>Writes the remittances as one 835 interchange and returns the file's path.</summary>
    public string File(string name, params Remittance[] remittances) => File(name, RemittanceBuilder.ToX12(remittances));

    /// <summary>Writes a file with exactly this text.</summary>
    public string File(string name, string content)
    {
        var path = database.PathFor(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>When set, a transaction larger than this many bytes is read and written in parts (ADR 0090).</summary>
    public int? PartBytes { get; init; }

    public RemittanceImporter Importer(AppealsDbContext db) => PartBytes is { } part
        ? new(db, new DenialDetector(CarcCatalog.Shipped), TimeProvider.System, NullLogger<RemittanceImporter>.Instance, Handlers, [],
            (input, name, envelope, countWith, hash) => Remittance835Source.Read(input, name, envelope, countWith, hash, part))
        : new(db, new DenialDetector(CarcCatalog.Shipped), TimeProvider.System, NullLogger<RemittanceImporter>.Instance, Handlers);

    public Task<ImportSummary> ImportAsync(params string[] paths) => ImportAsync(new ImportOptions(), paths);

    public async Task<ImportSummary> ImportAsync(ImportOptions options, params string[] paths)
    {
        await using var db = database.Open();
        return await Importer(db).ImportAsync(paths, options, progress: null, TestContext.Current.CancellationToken);
    }
}
