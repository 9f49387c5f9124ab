using Appeals.ML.Evaluation;

namespace Appeals.ML.Tests.Evaluation;

public sealed class MetricsTests
{
    [Fact]
    public void Auc_PerfectRanking_IsOne_ReversedIsZero_TiesAreHalf()
    {
        bool[] y = [false, false, true, true];
        Assert.Equal(1, ClassifierMetrics.AreaUnderRoc([0.1, 0.2, 0.8, 0.9], y));
        Assert.Equal(0, ClassifierMetrics.AreaUnderRoc([0.9, 0.8, 0.2, 0.1], y));
        Assert.Equal(0.5, ClassifierMetrics.AreaUnderRoc([0.5, 0.5, 0.5, 0.5], y));
    }

    [Fact]
    public void Ece_IsTheBinGapWeightedByCases()
    {
        // all in one bin: mean p 0.35, observed 0.5 → ECE 0.15
        var m = ClassifierMetrics.Compute([0.3, 0.3, 0.4, 0.4], [true, false, true, false]);
        Assert.Equal(0.15, m.ExpectedCalibrationError, 9);
        Assert.Equal(0.5, m.PositiveRate);
    }

    [Fact]
    public void TopShares_CountDollarsRecoveredByEachOrder()
    {
        var rows = Enumerable.Range(1, 20).Select(i => TestHistory.Row($"D{i}", remit: new DateOnly(2024, 1, i), denied: i * 100m,
            recovered: i % 2 == 0)).ToList();
        var p = rows.Select(r => r.Recovered == true ? 0.9 : 0.1).ToList();
        var top10 = RankingEvaluation.Compare(rows, p, p).Single(s => s.Share == 0.10);
        Assert.Equal(2, top10.Cases);
        Assert.Equal(2000m + 1800m, top10.Model);
        Assert.Equal(2000m, top10.LargestFirst);           // 2000 recovered, 1900 not
        Assert.Equal(200m, top10.Fifo);                    // D1 not recovered, D2 recovered 200
    }
}
