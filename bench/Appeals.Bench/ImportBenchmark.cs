using System.Diagnostics;
using System.Globalization;
using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Appeals.Core.Remittances.X12;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appeals.Bench;

/// <summary>
/// In-process micro-benchmark of the bare bulk path: a generated 835 into a fresh SQLite file with no case preparation
/// and no handlers (issue 2). The import targets are judged on the whole process, with everything on: bench/import-path.sh.
/// Runs N/4 then N claims so that the working set of the two runs, sampled at each quarter of the file, shows whether memory grows.
/// </summary>
internal sealed class ImportBenchmark : IBenchScenario
{
    public string Name => "import";
    public string Description => "import N generated claims into SQLite [--claims N=1000000] [--per-transaction K=2000] [--keep] [--dry-run]";

    public async Task<int> RunAsync(string[] args)
    {
        var claims = Option(args, "--claims", 1_000_000);
        var perTransaction = Option(args, "--per-transaction", 2_000);
        var keep = args.Contains("--keep");
        var options = new ImportOptions(DryRun: args.Contains("--dry-run"));
        var folder = Path.Combine(Path.GetTempPath(), "appeals-bench-import", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Console.WriteLine("the bare bulk import path, without the pipeline's case preparation (deadlines, scores) or post-commit handlers (outcomes)");
        Console.WriteLine($"import benchmark: {claims:N0} claims, {perTransaction:N0} claims per transaction, folder {folder}");
        try
        {
            foreach (var size in new[] { Math.Max(1, claims / 4), claims })
                await RunOnceAsync(folder, size, perTransaction, options);
            Console.WriteLine($"process peak working set: {Megabytes(Process.GetCurrentProcess().PeakWorkingSet64)} MB");
        }
        finally
        {
            if (!keep) Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private static async Task RunOnceAsync(string folder, int claims, int perTransaction, ImportOptions options)
    {
        var file = Path.Combine(folder, $"era-{claims}.835");
        var generate = Stopwatch.StartNew();
        await using (var writer = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(false), 1 << 20))
            new Remittance835Writer(writer).WriteInterchange(new SyntheticEra(seed: claims).Transactions(claims, perTransaction));
        var bytes = new FileInfo(file).Length;
        Console.WriteLine($"\n{claims:N0} claims: generated {Megabytes(bytes)} MB in {generate.Elapsed.TotalSeconds:F1} s");

        var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, $"appeals-{claims}.db"), Pooling = false }.ToString();
        // A real key ring on disk, as the CLI and the web app use: every claim's names and member id are encrypted (ADR 0071).
        await using var db = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, connection, PhiKeyRing.Open(Path.Combine(folder, "keys")));
        await AppealsDatabase.MigrateAsync(db);
        var importer = new RemittanceImporter(db, new DenialDetector(CarcCatalog.Shipped), TimeProvider.System,
            NullLogger<RemittanceImporter>.Instance, []);
        var samples = new WorkingSetSampler(bytes);

        GC.Collect();
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var summary = await importer.ImportAsync([file], options, samples);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;

        var remarks = await db.RemarkCodes.CountAsync();
        long rows = summary.Transactions + summary.Claims + summary.ServiceLines + summary.Adjustments + summary.DenialCases + remarks;
        Console.WriteLine($"  imported {summary.Claims:N0} claims, {summary.ServiceLines:N0} lines, {summary.Adjustments:N0} adjustments, {remarks:N0} remarks, {summary.DenialCases:N0} denial cases; {summary.Errors.Count} errors");
        Console.WriteLine($"  {seconds:F1} s, {summary.Claims / seconds:N0} claims/s, {rows / seconds:N0} rows/s, {Megabytes(bytes) / seconds:F1} MB/s; {cpuSeconds:F1} s of CPU");
        Console.WriteLine($"  working set at 25/50/75/100 % of the file: {string.Join(" / ", samples.Samples.Select(Megabytes))} MB");
        Console.WriteLine($"  managed heap at 25/50/75/100 % of the file: {string.Join(" / ", samples.Heap.Select(Megabytes))} MB (the rest is mostly SQLite's page cache, capped at 64 MB)");
        Console.WriteLine($"  peak working set so far: {Megabytes(Process.GetCurrentProcess().PeakWorkingSet64)} MB");
    }

    private static long Megabytes(long bytes) => bytes / (1024 * 1024);

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>Records the working set the first time progress passes each quarter of the file (called on the importing thread).</summary>
    private sealed class WorkingSetSampler(long totalBytes) : IProgress<ImportProgress>
    {
        private int _next = 1;

        public List<long> Samples { get; } = [];
        public List<long> Heap { get; } = [];

        public void Report(ImportProgress value)
        {
            while (_next <= 4 && (value.BytesRead >= totalBytes * _next / 4 || value.FilesDone == value.FilesTotal))
            {
                using var process = Process.GetCurrentProcess();
                Samples.Add(process.WorkingSet64);
                Heap.Add(GC.GetTotalMemory(forceFullCollection: false));
                _next++;
            }
        }
    }
}
