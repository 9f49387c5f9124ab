namespace Appeals.ML.Synthetic;

internal static class RandomExtensions
{
    /// <summary>Standard normal draw (Box–Muller).</summary>
    public static double Normal(this Random random, double sd = 1)
    {
        var u = 1 - random.NextDouble();
        return sd * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }

    /// <summary>Index drawn with probability proportional to its weight.</summary>
    public static int Pick(this Random random, IReadOnlyList<double> cumulative)
    {
        var x = random.NextDouble() * cumulative[^1];
        var lo = 0;
        var hi = cumulative.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (cumulative[mid] < x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    public static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        return weights.Select(w => sum += w).ToArray();
    }
}
