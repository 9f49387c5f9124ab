using System.Reflection;
using Appeals.Core.Denials;
using Appeals.ML.Evaluation;
using Appeals.ML.Features;
using Appeals.ML.History;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace Appeals.ML.Training;

/// <summary>
/// Trains the recovery model on a labelled history. Time decides every split: the newest 20 % is the holdout
/// (scored as in production, against the outcome snapshot at the cutoff), the newest 15 % of the rest
/// fits the Platt calibration, the oldest part fits the trees.
/// </summary>
public sealed class RecoveryTrainer(CarcCatalog catalog, TimeProvider time)
{
    public RecoveryModel Train(IReadOnlyList<HistoryRecord> history, TrainingOptions options, string historyName)
    {
        var ordered = HistoryFeatureStream.TimeOrdered(history.Where(r => r.HasOutcome));
        if (ordered.Count < options.MinimumRows)
            throw new InvalidOperationException($"{ordered.Count} labelled rows; training needs at least {options.MinimumRows}");
        var holdoutStart = SplitIndex(ordered, 0, ordered.Count, options.HoldoutShare);
        var calibrationStart = SplitIndex(ordered, 0, holdoutStart, options.CalibrationShare);

        var ml = new MLContext(seed: options.Seed);
        var builder = new FeatureBuilder(FeatureLayout.ForCatalog(catalog));
        var stats = new OutcomeStats();
        var lag = new OutcomeLag(options.OutcomeLagDays);
        var holdoutRows = ordered[holdoutStart..];
        // The holdout is scored with the outcomes known on its first day, as production would have scored it.
        var training = HistoryFeatureStream.Learn(ordered[..holdoutStart], builder, catalog, stats, lag,
            knownBefore: holdoutRows.Count > 0 ? holdoutRows[0].RemitDate : options.SnapshotKnownBefore);
        var holdout = HistoryFeatureStream.Frozen(holdoutRows, builder, catalog, stats);
        var baseRate = CarcBaseRates(ordered[..holdoutStart]);

        var labels = ordered.Select(r => r.Label).ToArray();
        var fit = training.Slice(0, calibrationStart);
        var booster = ml.BinaryClassification.Trainers.LightGbm(Options(options))
            .Fit(RecoveryModel.ToDataView(ml, fit, labels[..calibrationStart]));

        var uncalibrated = new RecoveryModel(ml, booster, builder.Layout, stats, new PlattScaling(1, 0), [], Placeholder);
        var calibrationScores = uncalibrated.RawScores(training.Slice(calibrationStart, holdoutStart - calibrationStart));
        var platt = PlattScaling.Fit(calibrationScores, labels[calibrationStart..holdoutStart]);

        var holdoutLabels = labels[holdoutStart..];
        var holdoutP = uncalibrated.RawScores(holdout).Select(s => platt.Probability(s)).ToArray();
        var now = time.GetUtcNow();
        var metadata = new ModelMetadata
        {
            Version = now.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture),
            TrainedAt = now,
            Trainer = "LightGbm binary (Microsoft.ML.LightGbm) + Platt scaling on a time-ordered calibration split",
            Seed = options.Seed,
            HistoryFile = historyName,
            TrainingFrom = ordered[0].RemitDate,
            TrainingTo = ordered[holdoutStart - 1].RemitDate,
            HoldoutFrom = holdoutRows.Count > 0 ? ordered[holdoutStart].RemitDate : ordered[^1].RemitDate,
            HoldoutTo = ordered[^1].RemitDate,
            RowsTotal = ordered.Count,
            RowsFit = calibrationStart,
            RowsCalibration = holdoutStart - calibrationStart,
            RowsHoldout = holdoutRows.Count,
            Holdout = ClassifierMetrics.Compute(holdoutP, holdoutLabels),
            HoldoutBaseRate = ClassifierMetrics.Compute(holdoutRows.Select(baseRate).ToArray(), holdoutLabels),
            Calibration = platt,
            Features = builder.Layout.Names,
            Packages = Packages(),
            Hyperparameters = new Dictionary<string, double>
            {
                ["iterations"] = options.Iterations, ["leaves"] = options.Leaves, ["learningRate"] = options.LearningRate,
                ["minimumCasesPerLeaf"] = options.MinimumCasesPerLeaf, ["featureFraction"] = options.FeatureFraction,
                ["l2"] = options.L2, ["smoothing"] = FeatureBuilder.Smoothing, ["outcomeLagDays"] = options.OutcomeLagDays,
            },
        };
        // The deployed snapshot knows every outcome in the file, the holdout's too: scoring tomorrow's denials
        // should use today's history. The trees and the calibration are the ones measured above.
        var deployed = new OutcomeStats();
        HistoryFeatureStream.Learn(ordered, builder, catalog, deployed, lag, options.SnapshotKnownBefore);
        return new RecoveryModel(ml, booster, builder.Layout, deployed, platt, Medians(fit), metadata);
    }

    /// <summary>First index of the newest <paramref name="share"/> of [start, end), moved back to a day boundary.</summary>
    internal static int SplitIndex(IReadOnlyList<HistoryRecord> ordered, int start, int end, double share)
    {
        if (share <= 0) return end;
        var index = start + (int)Math.Round((end - start) * (1 - share));
        var day = ordered[Math.Min(index, end - 1)].RemitDate;
        while (index > start && ordered[index - 1].RemitDate == day) index--;
        if (index <= start) throw new InvalidOperationException("the history spans too few remit dates to split by time");
        return index;
    }

    private static LightGbmBinaryTrainer.Options Options(TrainingOptions o) => new()
    {
        LabelColumnName = "Label",
        FeatureColumnName = "Features",
        NumberOfIterations = o.Iterations,
        NumberOfLeaves = o.Leaves,
        LearningRate = o.LearningRate,
        MinimumExampleCountPerLeaf = o.MinimumCasesPerLeaf,
        Seed = o.Seed,
        NumberOfThreads = o.Threads,
        Silent = true,
        Verbose = false,
        Booster = new GradientBooster.Options { FeatureFraction = o.FeatureFraction, L2Regularization = o.L2 },
    };

    /// <summary>The per-CARC base rate (smoothed toward the overall rate): the simple scorer the model has to beat.</summary>
    internal static Func<HistoryRecord, double> CarcBaseRates(IReadOnlyList<HistoryRecord> rows)
    {
        var overall = rows.Count(r => r.Label) / (double)rows.Count;
        var byCarc = rows.GroupBy(r => r.Carc).ToDictionary(g => g.Key,
            g => (g.Count(r => r.Label) + FeatureBuilder.Smoothing * overall) / (g.Count() + FeatureBuilder.Smoothing));
        return r => byCarc.GetValueOrDefault(r.Carc, overall);
    }

    private static float[] Medians(FeatureMatrix m)
    {
        var medians = new float[m.Width];
        var column = new float[m.Rows];
        for (var c = 0; c < m.Width; c++)
        {
            for (var r = 0; r < m.Rows; r++) column[r] = m.Values[r * m.Width + c];
            Array.Sort(column);
            medians[c] = m.Rows == 0 ? 0 : column[m.Rows / 2];
        }
        return medians;
    }

    private static Dictionary<string, string> Packages() => new()
    {
        ["Microsoft.ML"] = Version(typeof(MLContext).Assembly),
        ["Microsoft.ML.LightGbm"] = Version(typeof(LightGbmBinaryTrainer).Assembly),
        ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
    };

    private static string Version(Assembly a) =>
        a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? a.GetName().Version?.ToString() ?? "";

    private static readonly ModelMetadata Placeholder = new()
    {
        Version = "", TrainedAt = default, Trainer = "", Seed = 0, HistoryFile = "", TrainingFrom = default, TrainingTo = default,
        HoldoutFrom = default, HoldoutTo = default, RowsTotal = 0, RowsFit = 0, RowsCalibration = 0, RowsHoldout = 0,
        Holdout = ClassifierMetrics.Compute([], []), HoldoutBaseRate = ClassifierMetrics.Compute([], []),
        Calibration = new PlattScaling(1, 0), Features = [], Packages = new Dictionary<string, string>(), Hyperparameters = new Dictionary<string, double>(),
    };
}
