using Appeals.Core.Denials;
using Appeals.ML.Features;
using Appeals.ML.History;
using Appeals.ML.Scoring;
using Appeals.ML.Training;

namespace Appeals.ML.Tests.Scoring;

public sealed class CompiledForestTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public void TrainedModel_ScoresThroughTheCompiledTrees()
    {
        Assert.StartsWith("compiled trees", fixture.Model.ScoringPath);
    }

    [Fact]
    public void CompiledTrees_GiveMLNetsProbabilities_OnThousandsOfRowsWithUnknownCodes()
    {
        var rows = ScoringRows();
        var features = HistoryFeatureStream.Frozen(rows, fixture.Model.Builder, CarcCatalog.Shipped, fixture.Model.Stats);
        AssertSameProbabilities(fixture.Model, features);
    }

    [Fact]
    public void CompiledTrees_OfASavedAndLoadedModel_GiveMLNetsProbabilities()
    {
        var path = Path.Combine(TestHistory.TempFolder(), "recovery-20260101000000.zip");
        fixture.Model.Save(path);
        var loaded = RecoveryModel.Load(path);
        Assert.StartsWith("compiled trees", loaded.ScoringPath);
        var features = HistoryFeatureStream.Frozen(ScoringRows(), loaded.Builder, CarcCatalog.Shipped, loaded.Stats);
        AssertSameProbabilities(loaded, features);
    }

    [Fact]
    public void CompiledTrees_OnTheExplanationVariants_GiveMLNetsProbabilities()
    {
        // Explanations score rows whose groups are replaced by training medians: values the trees may split exactly on.
        var model = fixture.Model;
        var features = HistoryFeatureStream.Frozen(ScoringRows().Take(500).ToList(), model.Builder, CarcCatalog.Shipped, model.Stats);
        for (var r = 0; r < features.Rows; r++)
            for (var c = 0; c < features.Width; c++)
                if (model.Layout.GroupOf(c) == (FeatureGroup)(r % Enum.GetValues<FeatureGroup>().Length)) features.Row(r)[c] = model.Baseline[c];
        AssertSameProbabilities(model, features);
    }

    private static void AssertSameProbabilities(RecoveryModel model, FeatureMatrix features)
    {
        var compiled = model.RawScores(features);
        var reference = model.ReferenceRawScores(features);
        Assert.Equal(features.Rows, compiled.Length);
        Assert.Equal(reference.Length, compiled.Length);
        var worst = 0.0;
        for (var i = 0; i < compiled.Length; i++)
            worst = Math.Max(worst, Math.Abs(model.Calibration.Probability(compiled[i]) - model.Calibration.Probability(reference[i])));
        Assert.InRange(worst, 0, 1e-6);
        Assert.True(compiled.Distinct().Count() > features.Rows / 10, "the rows should reach many different leaves");
    }

    /// <summary>Unlabelled rows from the newest part of the history, plus codes and keys the model never saw.</summary>
    private List<HistoryRecord> ScoringRows()
    {
        var rows = fixture.Rows.Skip(2000).Take(3000).Select(r => r with { Recovered = null, RecoveredAmount = null }).ToList();
        for (var i = 0; i < 200; i++)
        {
            var r = rows[i * 7];
            rows.Add(r with
            {
                DenialId = $"U{i}",
                Carc = i % 2 == 0 ? "Z99" : r.Carc,
                PayerId = i % 3 == 0 ? "never-seen" : r.PayerId,
                ProcedureCode = i % 5 == 0 ? "X9999" : r.ProcedureCode,
                ProviderId = i % 4 == 0 ? "0000000000" : r.ProviderId,
                PlaceOfService = i % 6 == 0 ? "99" : r.PlaceOfService,
                Rarcs = i % 2 == 0 ? ["N999", "MA99"] : [],
                PayerType = i % 8 == 0 ? "other" : r.PayerType,
                GroupCode = i % 9 == 0 ? "XX" : r.GroupCode,
            });
        }
        return rows;
    }
}
