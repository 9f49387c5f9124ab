namespace Appeals.Analytics.Charts;

/// <summary>The dashboard's charts.</summary>
public enum ChartKind
{
    Pareto,
    Trend,
    Heatmap,
    TopCarcs,
    Aging,
    Overturn,
}

/// <summary>The names the CLI, URLs and file names use for each chart.</summary>
public static class ChartNames
{
    private static readonly Dictionary<ChartKind, string> Names = new()
    {
        [ChartKind.Pareto] = "pareto",
        [ChartKind.Trend] = "trend",
        [ChartKind.Heatmap] = "heatmap",
        [ChartKind.TopCarcs] = "top-carcs",
        [ChartKind.Aging] = "aging",
        [ChartKind.Overturn] = "overturn",
    };

    public static IReadOnlyCollection<string> All => Names.Values;

    public static string Of(ChartKind kind) => Names[kind];

    public static bool TryParse(string? name, out ChartKind kind)
    {
        foreach (var (k, n) in Names)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
