namespace Appeals.ML.Evaluation;

/// <summary>How well probabilities separate and match outcomes.</summary>
/// <param name="Cases">How many cases were scored.</param>
/// <param name="PositiveRate">Share of them recovered.</param>
/// <param name="Auc">Area under the ROC curve (ties count half).</param>
/// <param name="LogLoss">Mean negative log-likelihood, natural log, probabilities clipped to [1e-15, 1-1e-15].</param>
/// <param name="Brier">Mean squared error of the probability.</param>
/// <param name="ExpectedCalibrationError">Mean |observed rate − mean p| over 10 equal-width bins, weighted by bin size.</param>
public sealed record ClassifierMetrics(int Cases, double PositiveRate, double Auc, double LogLoss, double Brier, double ExpectedCalibrationError)
{
    public const int CalibrationBins = 10;

    public static ClassifierMetrics Compute(IReadOnlyList<double> p, IReadOnlyList<bool> label)
    {
        if (p.Count != label.Count) throw new ArgumentException("one probability per label");
        int n = p.Count, positives = label.Count(l => l);
        double logLoss = 0, brier = 0;
        var binCount = new int[CalibrationBins];
        var binP = new double[CalibrationBins];
        var binY = new double[CalibrationBins];
        for (var i = 0; i < n; i++)
        {
            var q = Math.Clamp(p[i], 1e-15, 1 - 1e-15);
            var y = label[i] ? 1.0 : 0.0;
            logLoss -= y * Math.Log(q) + (1 - y) * Math.Log(1 - q);
            brier += (p[i] - y) * (p[i] - y);
            var bin = Math.Min(CalibrationBins - 1, (int)(p[i] * CalibrationBins));
            binCount[bin]++; binP[bin] += p[i]; binY[bin] += y;
        }
        double ece = 0;
        for (var b = 0; b < CalibrationBins; b++)
            if (binCount[b] > 0) ece += Math.Abs(binY[b] - binP[b]) / n;
        return new ClassifierMetrics(n, n == 0 ? 0 : (double)positives / n, AreaUnderRoc(p, label),
            n == 0 ? 0 : logLoss / n, n == 0 ? 0 : brier / n, ece);
    }

    /// <summary>Mann–Whitney AUC with average ranks for ties.</summary>
    public static double AreaUnderRoc(IReadOnlyList<double> p, IReadOnlyList<bool> label)
    {
        var order = Enumerable.Range(0, p.Count).OrderBy(i => p[i]).ToArray();
        double rankSumPositive = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && p[order[end + 1]] == p[order[start]]) end++;
            var averageRank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
                if (label[order[k]]) { rankSumPositive += averageRank; positives++; }
            start = end + 1;
        }
        var negatives = p.Count - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        return (rankSumPositive - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }
}
