using Appeals.Core.Denials;
using Appeals.ML.History;
using Appeals.ML.Synthetic;
using Appeals.ML.Training;

namespace Appeals.ML.Evaluation;

/// <summary>The whole report of `appeals ml evaluate`: model, base-rate and (with truth) oracle on the newest 20 %.</summary>
public sealed record EvaluationReport(
    ModelMetadata Model, ClassifierMetrics Holdout, ClassifierMetrics BaseRate, ClassifierMetrics? Oracle,
    IReadOnlyList<TopShareDollars> TopShares);

/// <summary>
/// Trains on the older 80 % of a history (exactly as `ml train` does) and judges the model on the newest 20 %,
/// scored as in production, beside FIFO, largest-first and, given the generator's truth file, the oracle.
/// </summary>
public static class HoldoutEvaluation
{
    public static EvaluationReport Run(IReadOnlyList<HistoryRecord> history, IReadOnlyDictionary<string, double>? truth,
        TrainingOptions options, CarcCatalog catalog, TimeProvider time, string historyName)
    {
        var ordered = Features.HistoryFeatureStream.TimeOrdered(history.Where(r => r.HasOutcome));
        var holdoutStart = RecoveryTrainer.SplitIndex(ordered, 0, ordered.Count, options.HoldoutShare);
        // Train on the whole training part (no inner holdout), so the saved outcome snapshot stops at the cutoff.
        var holdout = ordered[holdoutStart..];
        var model = new RecoveryTrainer(catalog, time).Train(ordered[..holdoutStart],
            options with { HoldoutShare = 0, SnapshotKnownBefore = holdout.Count > 0 ? holdout[0].RemitDate : null }, historyName);
        var p = model.Predict(holdout, catalog);
        var labels = holdout.Select(r => r.Label).ToArray();
        double[]? oracle = null;
        if (truth is not null)
            oracle = holdout.Select(r => truth.TryGetValue(r.DenialId, out var t) ? t
                : throw new InvalidDataException($"the truth file has no row for {r.DenialId}")).ToArray();
        var baseRate = RecoveryTrainer.CarcBaseRates(ordered[..holdoutStart]);
        return new EvaluationReport(model.Metadata, ClassifierMetrics.Compute(p, labels),
            ClassifierMetrics.Compute(holdout.Select(baseRate).ToArray(), labels),
            oracle is null ? null : ClassifierMetrics.Compute(oracle, labels),
            RankingEvaluation.Compare(holdout, p, oracle));
    }
}
