using Appeals.Core.Denials;
using Appeals.ML.Scoring;

namespace Appeals.ML.Tests.Scoring;

public sealed class ScorerTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public void ModelScorer_GivesEveryRowOneProbabilityInRange_IncludingUnknownCodes()
    {
        var rows = fixture.Rows.Take(300).Select(r => r with { Recovered = null }).Append(TestHistory.Row("X1", carc: "Z77", recovered: null))
            .Append(TestHistory.Row("X2", payer: "never-seen", recovered: null)).ToList();
        var scores = new ModelScorer(fixture.Model, CarcCatalog.Shipped).Score(rows);
        Assert.Equal(rows.Count, scores.Count);
        Assert.All(scores, s => Assert.InRange(s.Probability, 0, 1));
        Assert.All(scores, s => Assert.NotEmpty(s.Reasons));
        Assert.Equal(Math.Round((decimal)scores[^1].Probability * 500m, 2), scores[^1].ExpectedRecovery);
    }

    [Fact]
    public void ModelScorer_Reasons_NameTheHistoryBehindThem()
    {
        var rows = fixture.Rows.Skip(5500).Take(200).ToList();
        var reasons = new ModelScorer(fixture.Model, CarcCatalog.Shipped).Score(rows).SelectMany(s => s.Reasons).ToList();
        Assert.Contains(reasons, r => r.Contains("past cases") && r.Contains("overall"));
        Assert.All(reasons.Where(r => r.Contains("pts")), r => Assert.Matches(@"\((\+|−)\d+ pts\)$", r));
    }

    [Fact]
    public void ModelScorer_ClaimLevelDenial_SaysSoInsteadOfAnEmptyProcedure()
    {
        var rows = fixture.Rows.Skip(5500).Take(200).Select(r => r with { ProcedureCode = "", Recovered = null }).ToList();
        var reasons = new ModelScorer(fixture.Model, CarcCatalog.Shipped).Score(rows).SelectMany(s => s.Reasons).ToList();
        Assert.DoesNotContain(reasons, r => r.Contains("()"));
        Assert.Contains(reasons, r => r.StartsWith("claim-level denials (no procedure code)", StringComparison.Ordinal));
    }

    [Fact]
    public void BaseRateScorer_SaysItIsTheBaseRate()
    {
        var scorer = new BaseRateScorer(CarcCatalog.Shipped, BaseRates.Shipped);
        var score = Assert.Single(scorer.Score([TestHistory.Row(carc: "16", recovered: null)]));
        Assert.Equal("base-rate", score.Source);
        Assert.InRange(score.Probability, 0.01, 0.99);
        Assert.Contains("no trained model", score.Explanation);
    }

    [Fact]
    public void BaseRates_MatchTheBenchmarkOverallRate_AndOrderCategoriesSensibly()
    {
        var rates = BaseRates.Shipped;
        var mean = rates.Mix.Sum(c => c.Value * BaseRates.PayerTypeMix.Sum(t => t.Value * rates.Rate(c.Key, t.Key)));
        Assert.Equal(rates.Overall, mean, 2);
        Assert.True(rates.Rate("missing_invalid_claim_data", "commercial") > rates.Rate("duplicate_claim", "commercial"));
    }

    [Fact]
    public void ModelStore_WithNoModel_FallsBackToBaseRates()
    {
        var store = new ModelStore(TestHistory.TempFolder(), shippedDirectory: TestHistory.TempFolder());
        Assert.Null(store.Newest());
        Assert.Equal(BaseRateScorer.SourceName, store.OpenScorer(CarcCatalog.Shipped).Source);
    }

    [Fact]
    public void ModelStore_PrefersTheNewestTrainedModel_OverTheShippedOne()
    {
        string trained = TestHistory.TempFolder(), shipped = TestHistory.TempFolder();
        File.WriteAllText(Path.Combine(shipped, "recovery-20260101000000.zip"), "");
        File.WriteAllText(Path.Combine(trained, "recovery-20260301000000.zip"), "");
        File.WriteAllText(Path.Combine(trained, "recovery-20260201000000.zip"), "");
        Assert.EndsWith("recovery-20260301000000.zip", new ModelStore(trained, shippedDirectory: shipped).Newest());
        Assert.EndsWith("recovery-20260101000000.zip", new ModelStore(TestHistory.TempFolder(), shippedDirectory: shipped).Newest());
    }

    [Fact]
    public void ModelStore_ModelTrainedOnTooFewOutcomes_FallsBackToBaseRates()
    {
        var folder = TestHistory.TempFolder();
        fixture.Model.Save(Path.Combine(folder, "recovery-99990101000000.zip"));
        Assert.Equal(BaseRateScorer.SourceName, new ModelStore(folder, minimumOutcomes: 1_000_000).OpenScorer(CarcCatalog.Shipped).Source);
        Assert.StartsWith("model", new ModelStore(folder, minimumOutcomes: 10).OpenScorer(CarcCatalog.Shipped).Source);
    }
}
