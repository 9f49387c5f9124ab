using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appeals.Core.Tests.Builders;

/// <summary>
/// Files for an import test: each written to disk as 835 text, and read back as the remittances that
/// made it (a fresh copy per read, as a reader would give).
/// </summary>
internal sealed class ImportBed(TestDatabase database)
{
    private readonly Dictionary<string, Func<IEnumerable<ReadTransaction>>> _reads = new(StringComparer.Ordinal);

    public List<IImportedRemittanceHandler> Handlers { get; } = [];

    /// <summary>Writes a file of the remittances <paramref name="make"/> builds and returns its path.</summary>
    public string File(string name, Func<Remittance[]> make)
    {
        var path = database.PathFor(name);
        System.IO.File.WriteAllText(path, RemittanceBuilder.ToX12(make()));
        _reads[name] = () => make().Select(r => new ReadTransaction(r, [], []));
        return path;
    }

    /// <summary>A file whose transactions are read as given (some refused with errors).</summary>
    public string File(string name, string content, Func<IEnumerable<ReadTransaction>> reads)
    {
        var path = database.PathFor(name);
        System.IO.File.WriteAllText(path, content);
        _reads[name] = reads;
        return path;
    }

    /// <summary>A file that cannot be read as X12 at all.</summary>
    public string UnreadableFile(string name, string content, ImportIssue issue) =>
        File(name, content, () => throw new UnreadableFileException(issue));

    public RemittanceImporter Importer(AppealsDbContext db) =>
        new(db, new DenialDetector(CarcCatalog.Shipped), TimeProvider.System, NullLogger<RemittanceImporter>.Instance, Handlers, Read);

    public async Task<ImportSummary> ImportAsync(params string[] paths) => await ImportAsync(new ImportOptions(), paths);

    public async Task<ImportSummary> ImportAsync(ImportOptions options, params string[] paths)
    {
        await using var db = database.Open();
        return await Importer(db).ImportAsync(paths, options);
    }

    private IEnumerable<ReadTransaction> Read(Stream input, string fileName, List<ImportIssue> envelopeWarnings) =>
        _reads.TryGetValue(fileName, out var reads) ? reads() : throw new InvalidOperationException($"No test reads for {fileName}");
}
