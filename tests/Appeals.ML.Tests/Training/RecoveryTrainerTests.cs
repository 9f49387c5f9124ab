using Appeals.Core.Denials;
using Appeals.ML.Training;

namespace Appeals.ML.Tests.Training;

public sealed class RecoveryTrainerTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public void Train_SmallSyntheticHistory_BeatsThePerCarcBaseRateClearly()
    {
        var m = fixture.Model.Metadata;
        Assert.True(m.Holdout.Auc > m.HoldoutBaseRate.Auc + 0.03, $"model AUC {m.Holdout.Auc:F3} vs per-CARC {m.HoldoutBaseRate.Auc:F3}");
        Assert.True(m.Holdout.ExpectedCalibrationError < 0.08, $"ECE {m.Holdout.ExpectedCalibrationError:F3}");
    }

    [Fact]
    public void Train_HoldoutIsTheNewestRows()
    {
        var m = fixture.Model.Metadata;
        Assert.True(m.HoldoutFrom > m.TrainingTo);
        Assert.Equal(fixture.Rows.Count, m.RowsFit + m.RowsCalibration + m.RowsHoldout);
        Assert.InRange(m.RowsHoldout, 0.15 * fixture.Rows.Count, 0.25 * fixture.Rows.Count);
    }

    [Fact]
    public void Train_SameSeed_GivesTheSameMetrics()
    {
        var again = new RecoveryTrainer(CarcCatalog.Shipped, TimeProvider.System).Train(fixture.Rows, TrainedModelFixture.Options, "synthetic");
        Assert.Equal(fixture.Model.Metadata.Holdout, again.Metadata.Holdout);
        Assert.Equal(fixture.Model.Metadata.Calibration, again.Metadata.Calibration);
    }

    [Fact]
    public void SavedModel_LoadsAndScoresIdentically()
    {
        var path = Path.Combine(TestHistory.TempFolder(), "recovery-test.zip");
        fixture.Model.Save(path);
        var loaded = RecoveryModel.Load(path);
        var sample = fixture.Rows.Skip(5000).Select(r => r with { Recovered = null }).ToList();
        Assert.Equal(fixture.Model.Predict(sample, CarcCatalog.Shipped), loaded.Predict(sample, CarcCatalog.Shipped));
        Assert.Equal(fixture.Model.Metadata.Version, loaded.Metadata.Version);
        Assert.Equal(fixture.Model.Layout.Names, loaded.Layout.Names);
    }

    [Fact]
    public void Predict_LargeBatchAcrossCores_EqualsSmallBatches()
    {
        var rows = Appeals.ML.Synthetic.SyntheticHistory.Generate(20_000, 99).Rows.Select(r => r with { Recovered = null }).ToList();
        var whole = fixture.Model.Predict(rows, CarcCatalog.Shipped);
        var pieces = rows.Chunk(3000).SelectMany(c => fixture.Model.Predict(c, CarcCatalog.Shipped)).ToArray();
        Assert.Equal(pieces, whole);
    }

    [Fact]
    public void Train_TooFewRows_SaysHowManyAreNeeded()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            new RecoveryTrainer(CarcCatalog.Shipped, TimeProvider.System).Train(fixture.Rows.Take(50).ToList(), new TrainingOptions(), "x"));
        Assert.Contains("at least", e.Message);
    }
}
