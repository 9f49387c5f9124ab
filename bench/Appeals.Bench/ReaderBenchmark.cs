using System.Diagnostics;
using System.Globalization;
using Appeals.Core.Remittances.X12;

namespace Appeals.Bench;

/// <summary>
/// Remittance835Reader throughput (MB/s, best and median of several runs after three warm-up reads) and
/// allocations per MB on a generated 835, optionally side by side with npm x12-parser on the same file
/// (bench/reader-vs-x12parser.sh installs it and passes --x12parser). Targets: 300 MB/s, 20x x12-parser.
/// </summary>
internal sealed class ReaderBenchmark : IBenchScenario
{
    public string Name => "reader";
    public string Description => "835 reader MB/s on a generated file [--size-mb 50] [--runs 5] [--file F | --keep F] [--x12parser DIR --x12parser-script JS]";

    public async Task<int> RunAsync(string[] args)
    {
        var sizeMb = double.Parse(Option(args, "--size-mb") ?? "50", CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var path = Option(args, "--file");
        var generated = path is null && Option(args, "--keep") is null;
        if (path is null)
        {
            path = Option(args, "--keep") ?? Path.Combine(Path.GetTempPath(), $"appeals-bench-{Environment.ProcessId}.835");
            var written = BenchRemittances.Write(path, (long)(sizeMb * 1024 * 1024));
            Console.WriteLine($"generated {written / 1048576.0:F1} MB at {path}");
        }
        try
        {
            var mb = new FileInfo(path).Length / 1048576.0;
            // Warm-up: the page cache, and tiered JIT, which recompiles the hot methods with profile data only after
            // they have run a while, on every mapping thread; the first reads run on unoptimised code.
            var warm = Enumerable.Range(0, 3).Select(_ => ReadOnce(path)).ToList();
            Console.WriteLine($"file: {mb:F1} MB, {warm[0].Transactions} transactions, {warm[0].Claims} claims, {warm[0].Refused} refused");
            Console.WriteLine($"warm-up reads (MB/s): {string.Join(" ", warm.Select(r => (mb / r.Seconds).ToString("F0", CultureInfo.InvariantCulture)))} (not counted)");
            var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var paused = GC.GetTotalPauseDuration();
            var results = Enumerable.Range(0, runs).Select(_ => ReadOnce(path)).ToList();
            Console.WriteLine($"collections per run: gen0 {(GC.CollectionCount(0) - gen0) / (double)runs:F0}, " +
                              $"gen1 {(GC.CollectionCount(1) - gen1) / (double)runs:F0}, gen2 {(GC.CollectionCount(2) - gen2) / (double)runs:F1} (one forced gen2 per run); " +
                              $"GC pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds / runs:F0} ms per run");
            Console.WriteLine($"runs (MB/s, in order): {string.Join(" ", results.Select(r => (mb / r.Seconds).ToString("F0", CultureInfo.InvariantCulture)))}");
            var rates = results.Select(r => mb / r.Seconds).Order().ToList();
            var (best, median) = (rates[^1], rates[rates.Count / 2]);
            var cpuRates = results.Select(r => mb / r.CpuSeconds).Order().ToList();
            Console.WriteLine($"reader: best {best:F1} MB/s, median {median:F1} MB/s over {runs} runs; " +
                              $"allocated {results.Min(r => r.Allocated) / mb / 1024:F0} KB per MB read");
            // On a shared machine wall time includes waiting for a core; MB per CPU-second (all threads: the mapping
            // threads, which also hash, and the GC, ADR 0012) does not.
            Console.WriteLine($"managed heap while reading (sampled): at most {results.Max(r => r.PeakHeap) / 1048576.0:F0} MB for a {mb:F0} MB file");
            Console.WriteLine($"reader per CPU-second: best {cpuRates[^1]:F1} MB/s, median {cpuRates[cpuRates.Count / 2]:F1} MB/s");
            var x12 = Option(args, "--x12parser");
            if (x12 is not null)
            {
                var node = await RunX12ParserAsync(x12, Option(args, "--x12parser-script") ?? "bench/x12parser/parse.js", path, Math.Min(runs, 3));
                if (node is null) return 1;
                Console.WriteLine($"x12-parser 1.3.0 (node, tokenising only): best {node.Value.Best:F2} MB/s, median {node.Value.Median:F2} MB/s");
                Console.WriteLine($"x12-parser per CPU-second: best {node.Value.CpuBest:F2} MB/s, median {node.Value.CpuMedian:F2} MB/s");
                Console.WriteLine($"ratio wall (best/best): {best / node.Value.Best:F1}x, (median/median): {median / node.Value.Median:F1}x; " +
                                  $"per CPU-second (best/best): {cpuRates[^1] / node.Value.CpuBest:F1}x");
            }
            Console.WriteLine($"targets: >= 300 MB/s {(best >= 300 ? "met" : "MISSED")}");
            return 0;
        }
        finally
        {
            if (generated) File.Delete(path);
        }
    }

    private static (double Seconds, double CpuSeconds, long Allocated, int Transactions, long Claims, int Refused, long PeakHeap) ReadOnce(string path)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var reader = new Remittance835Reader(stream, Path.GetFileName(path));
        int transactions = 0, refused = 0;
        long claims = 0, peakHeap = 0;
        foreach (var read in reader.ReadTransactions())
        {
            // Sampled, not every transaction: shows the heap stays flat however large the file is.
            if (++transactions % 8 == 0) peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
            if (read.Remittance is { } r) claims += r.Claims.Count;
            else refused++;
        }
        clock.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        return (clock.Elapsed.TotalSeconds, cpu, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, transactions, claims, refused, peakHeap);
    }

    private static async Task<(double Best, double Median, double CpuBest, double CpuMedian)?> RunX12ParserAsync(string nodeModules, string script, string file, int runs)
    {
        var start = new ProcessStartInfo("node", [script, file, runs.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true };
        start.Environment["NODE_PATH"] = nodeModules;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("X12PARSER", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            Console.Error.WriteLine($"x12-parser run failed (exit {process.ExitCode}): {output}");
            return null;
        }
        double Field(string name) => double.Parse(line.Split(' ').First(p => p.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..], CultureInfo.InvariantCulture);
        return (Field("best"), Field("median"), Field("cpu_best"), Field("cpu_median"));
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
