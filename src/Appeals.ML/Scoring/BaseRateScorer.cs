using Appeals.Core.Denials;
using Appeals.ML.History;

namespace Appeals.ML.Scoring;

/// <summary>
/// Cold start: with no model, or one trained on too few outcomes, every case gets the published-benchmark
/// base rate of its category and payer type, and says so (source "base-rate").
/// </summary>
public sealed class BaseRateScorer(CarcCatalog catalog, BaseRates rates) : IRecoveryScorer
{
    public const string SourceName = "base-rate";

    public string Source => SourceName;

    public double[] Probabilities(IReadOnlyList<HistoryRecord> rows) =>
        rows.Select(r => rates.Rate(catalog.CategoryOf(r.Carc), r.PayerType)).ToArray();

    public IReadOnlyList<RecoveryScore> Score(IReadOnlyList<HistoryRecord> rows) =>
        rows.Select(r =>
        {
            var category = catalog.CategoryOf(r.Carc);
            var p = rates.Rate(category, r.PayerType);
            return new RecoveryScore(p, Words.Expected(p, r.DeniedAmount), SourceName,
            [
                $"no trained model yet: base rate for {Words.Category(category)} denials from {Words.PayerType(r.PayerType)} payers is {p:P0} (published benchmarks)",
            ]);
        }).ToList();
}
