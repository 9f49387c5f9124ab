namespace Appeals.ML.Training;

/// <summary>
/// Platt scaling, p = 1 / (1 + exp(-(A·score + B))), fitted by Newton's method on a calibration split the
/// booster never saw (its own training scores are over-confident). Targets are Platt's smoothed 0/1.
/// </summary>
public sealed record PlattScaling(double A, double B)
{
    public double Probability(double score) => 1 / (1 + Math.Exp(-(A * score + B)));

    public static PlattScaling Fit(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        int positives = labels.Count(l => l), negatives = labels.Count - positives;
        double hi = (positives + 1.0) / (positives + 2.0), lo = 1.0 / (negatives + 2.0);
        double a = 1, b = 0;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (var i = 0; i < scores.Count; i++)
            {
                var p = 1 / (1 + Math.Exp(-(a * scores[i] + b)));
                var t = labels[i] ? hi : lo;
                var w = p * (1 - p);
                ga += (p - t) * scores[i]; gb += p - t;
                haa += w * scores[i] * scores[i]; hab += w * scores[i]; hbb += w;
            }
            var det = haa * hbb - hab * hab;
            if (Math.Abs(det) < 1e-12) break;
            var da = (hbb * ga - hab * gb) / det;
            var db = (haa * gb - hab * ga) / det;
            a -= da; b -= db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-10) break;
        }
        return new PlattScaling(a, b);
    }
}
