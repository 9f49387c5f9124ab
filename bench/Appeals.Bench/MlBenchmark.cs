using System.Diagnostics;
using System.Globalization;
using Appeals.Core.Denials;
using Appeals.ML.Evaluation;
using Appeals.ML.Features;
using Appeals.ML.Synthetic;
using Appeals.ML.Training;

namespace Appeals.Bench;

/// <summary>`accuracy [train] [test] [seed] [iterations] [leaves] [learning rate ×1000] [minimum cases per leaf]`: model vs oracle on a synthetic history, time split (issue 4 targets).</summary>
internal sealed class MlAccuracyBenchmark : IBenchScenario
{
    public string Name => "accuracy";
    public string Description => "ML: AUC vs oracle, ECE, top-10% edge captured (default 40000 train + 10000 test)";

    public Task<int> RunAsync(string[] args)
    {
        int train = MlArgs.Int(args, 0, 40_000), test = MlArgs.Int(args, 1, 10_000), seed = MlArgs.Int(args, 2, 7);
        var (rows, truth) = SyntheticHistory.Generate(train + test, seed);
        var truthById = rows.Select((r, i) => (r.DenialId, truth[i])).ToDictionary(x => x.DenialId, x => x.Item2);
        var defaults = new TrainingOptions();
        var options = defaults with
        {
            HoldoutShare = test / (double)(train + test),
            Iterations = MlArgs.Int(args, 3, defaults.Iterations),
            Leaves = MlArgs.Int(args, 4, defaults.Leaves),
            LearningRate = MlArgs.Int(args, 5, (int)(defaults.LearningRate * 1000)) / 1000.0,
            MinimumCasesPerLeaf = MlArgs.Int(args, 6, defaults.MinimumCasesPerLeaf),
        };
        var watch = Stopwatch.StartNew();
        var report = HoldoutEvaluation.Run(rows, truthById, options, CarcCatalog.Shipped, TimeProvider.System, "synthetic");
        Console.WriteLine($"rows: {train} train + {test} test (seed {seed}), trained and evaluated in {watch.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"model     AUC {report.Holdout.Auc:F4}  log-loss {report.Holdout.LogLoss:F4}  Brier {report.Holdout.Brier:F4}  ECE {report.Holdout.ExpectedCalibrationError:F4}");
        Console.WriteLine($"oracle    AUC {report.Oracle!.Auc:F4}  log-loss {report.Oracle.LogLoss:F4}  Brier {report.Oracle.Brier:F4}  ECE {report.Oracle.ExpectedCalibrationError:F4}");
        Console.WriteLine($"per-CARC  AUC {report.BaseRate.Auc:F4}");
        Console.WriteLine($"AUC gap to oracle {report.Oracle.Auc - report.Holdout.Auc:F4} (target <= 0.02); ECE {report.Holdout.ExpectedCalibrationError:F4} (target < 0.03)");
        foreach (var s in report.TopShares)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"top {s.Share:P0}: model {s.Model:N0}  oracle {s.Oracle:N0}  largest-first {s.LargestFirst:N0}  FIFO {s.Fifo:N0}  edge captured {s.EdgeCaptured:F3}"));
        return Task.FromResult(0);
    }
}

/// <summary>`training [rows]`: wall time to train on a synthetic history (target: 100,000 rows under 30 s).</summary>
internal sealed class MlTrainingBenchmark : IBenchScenario
{
    public string Name => "training";
    public string Description => "ML: train on N synthetic rows (default 100000), wall time";

    public Task<int> RunAsync(string[] args)
    {
        var rows = MlArgs.Int(args, 0, 100_000);
        var (history, _) = SyntheticHistory.Generate(rows, 11);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var model = new RecoveryTrainer(CarcCatalog.Shipped, TimeProvider.System).Train(history, new TrainingOptions(), "synthetic");
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"trained on {rows} rows in {watch.Elapsed.TotalSeconds:F1} s wall, {cpuSeconds:F1} CPU-s (holdout AUC {model.Metadata.Holdout.Auc:F4}); load average {MlArgs.Load()}");
        // Of which one pass of our own featurisation (training makes two: the measured split, then the deployed snapshot).
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        watch.Restart();
        HistoryFeatureStream.Learn(HistoryFeatureStream.TimeOrdered(history), model.Builder, CarcCatalog.Shipped, new OutcomeStats());
        Console.WriteLine($"one featurisation pass (counts, rates, joint group effects): {watch.Elapsed.TotalSeconds:F1} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} CPU-s");
        return Task.FromResult(0);
    }
}

/// <summary>`scoring [cases]`: batch scoring throughput, features included (target: 200,000 cases/s).</summary>
internal sealed class MlScoringBenchmark : IBenchScenario
{
    public string Name => "scoring";
    public string Description => "ML: batch-score N cases (default 200000) with the trained model, cases/s";

    public Task<int> RunAsync(string[] args)
    {
        var cases = MlArgs.Int(args, 0, 200_000);
        var (history, _) = SyntheticHistory.Generate(20_000 + cases, 13);
        var model = new RecoveryTrainer(CarcCatalog.Shipped, TimeProvider.System).Train(history.Take(20_000).ToList(), new TrainingOptions(), "synthetic");
        var toScore = history.Skip(20_000).Select(r => r with { Recovered = null, RecoveredAmount = null }).ToList();
        model.Predict(toScore.Take(40_000).ToList(), CarcCatalog.Shipped); // warm up: steady state of a long-running rescoring job (tiered JIT)
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var p = model.Predict(toScore, CarcCatalog.Shipped);
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        // Where the time goes, on one thread (CPU time, so that other load on the machine does not count): features,
        // the compiled trees, and ML.NET's Transform for comparison.
        var sample = toScore.Take(50_000).ToList();
        var phase = Process.GetCurrentProcess().TotalProcessorTime;
        double Phase()
        {
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            var elapsed = (now - phase).TotalSeconds;
            phase = now;
            return sample.Count / elapsed;
        }
        var features = HistoryFeatureStream.Frozen(sample, model.Builder, CarcCatalog.Shipped, model.Stats);
        var featureRate = Phase();
        model.RawScores(features);
        var treeRate = Phase();
        model.ReferenceRawScores(features);
        Console.WriteLine($"one thread, {sample.Count} cases, per CPU-second: features {featureRate:N0}, {model.ScoringPath} {treeRate:N0}, ML.NET Transform {Phase():N0}");
        Console.WriteLine($"scored {p.Length} cases in {seconds:F2} s: {p.Length / seconds:N0} cases/s wall, {p.Length / cpuSeconds:N0} cases per CPU-second ({Environment.ProcessorCount} cores); load average {MlArgs.Load()}");
        return Task.FromResult(0);
    }
}

internal static class MlArgs
{
    public static int Int(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], out var v) ? v : fallback;

    public static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}

/// <summary>`ship-model [rows] [seed] [folder]`: regenerates the shipped model (models/recovery-*.zip and .json)
/// from the synthetic history, with the history and truth files written beside the bench output.</summary>
internal sealed class MlShipModelBenchmark : IBenchScenario
{
    public string Name => "ship-model";
    public string Description => "ML: train the shipped model on synthetic history (default 50000 rows, seed 1) into models/";

    public async Task<int> RunAsync(string[] args)
    {
        int rows = MlArgs.Int(args, 0, 50_000), seed = MlArgs.Int(args, 1, 1);
        var folder = args.Length > 2 ? args[2] : "models";
        var work = Path.Combine(Path.GetTempPath(), $"appeals-ship-model-{seed}");
        Directory.CreateDirectory(work);
        string history = Path.Combine(work, "history.csv"), truth = Path.Combine(work, "truth.csv");
        SyntheticHistory.Write(history, truth, rows, seed);
        var model = new RecoveryTrainer(CarcCatalog.Shipped, TimeProvider.System)
            .Train(Appeals.ML.History.HistoryCsv.Read(history, requireOutcome: true), new TrainingOptions(), $"synthetic history, {rows} rows, seed {seed}");
        var path = Path.Combine(folder, $"recovery-{model.Metadata.Version}.zip");
        model.Save(path);
        await File.WriteAllTextAsync(Path.ChangeExtension(path, ".json"), System.Text.Json.JsonSerializer.Serialize(model.Metadata, ModelJson.Options));
        Console.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1024} KB): holdout AUC {model.Metadata.Holdout.Auc:F4}, ECE {model.Metadata.Holdout.ExpectedCalibrationError:F4}; history in {work}");
        return 0;
    }
}
