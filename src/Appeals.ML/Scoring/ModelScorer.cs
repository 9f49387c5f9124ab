using Appeals.Core.Denials;
using Appeals.ML.Features;
using Appeals.ML.History;
using Appeals.ML.Training;

namespace Appeals.ML.Scoring;

/// <summary>
/// Scores with a trained model. Explanations substitute one feature group at a time with the training
/// median (the "typical case") and rescore: the groups whose substitution moves p most are named, with the
/// history figures behind them (ADR 0041).
/// </summary>
public sealed class ModelScorer(RecoveryModel model, CarcCatalog catalog) : IRecoveryScorer
{
    /// <summary>Reasons moving p by less than this are noise, not reasons.</summary>
    public const double MinimumShift = 0.01;
    public const int MaximumReasons = 3;

    public RecoveryModel Model => model;
    public string Source => model.Source;

    public double[] Probabilities(IReadOnlyList<HistoryRecord> rows) => model.Predict(rows, catalog);

    public IReadOnlyList<RecoveryScore> Score(IReadOnlyList<HistoryRecord> rows)
    {
        var layout = model.Layout;
        var groups = Enum.GetValues<FeatureGroup>();
        var features = HistoryFeatureStream.Frozen(rows, model.Builder, catalog, model.Stats);
        var variants = new FeatureMatrix(rows.Count * (groups.Length + 1), layout.Count);
        for (var r = 0; r < rows.Count; r++)
            for (var g = 0; g <= groups.Length; g++)
            {
                var target = variants.Row(r * (groups.Length + 1) + g);
                features.Row(r).CopyTo(target);
                if (g == 0) continue;
                for (var c = 0; c < layout.Count; c++)
                {
                    if (c == layout.EffectsTotal || layout.GroupOf(c) != groups[g - 1]) continue;
                    // The effects' sum moves with its substituted part: it is that group's evidence too.
                    if (layout.IsEffectPart(c)) target[layout.EffectsTotal] += model.Baseline[c] - target[c];
                    target[c] = model.Baseline[c];
                }
            }
        var p = model.Probabilities(variants);
        var global = model.Stats.Get(StatKind.Global, "").Rate(0.5, 10);
        var scores = new RecoveryScore[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var at = r * (groups.Length + 1);
            var own = p[at];
            var row = features.Row(r).ToArray();
            var reasons = Enumerable.Range(1, groups.Length)
                .Select(g => (Group: groups[g - 1], Shift: own - p[at + g]))
                .Where(x => Math.Abs(x.Shift) >= MinimumShift)
                .OrderByDescending(x => Math.Abs(x.Shift)).Take(MaximumReasons)
                .Select(x => $"{ReasonWords.Describe(x.Group, rows[r], row, layout, catalog, global)} ({(x.Shift > 0 ? "+" : "−")}{Math.Abs(x.Shift) * 100:F0} pts)")
                .ToList();
            if (reasons.Count == 0) reasons.Add("a typical case: no single fact moves this score much");
            scores[r] = new RecoveryScore(own, Words.Expected(own, rows[r].DeniedAmount), Source, reasons);
        }
        return scores;
    }
}
