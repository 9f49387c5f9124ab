namespace Appeals.Analytics.Kpis;

/// <summary>
/// A KPI value, or the reason there is none. A rate with no denominator (no claims, no decided
/// appeals) is not zero: showing 0 % overturned before any appeal is decided would mislead.
/// </summary>
public sealed record Kpi<T>(T? Value, string? Missing) where T : struct
{
    public bool HasValue => Value is not null;

    public static Kpi<T> Of(T value) => new(value, null);

    public static Kpi<T> NoOutcomesYet { get; } = new(null, KpiMissing.NoOutcomesYet);

    public static Kpi<T> NoData { get; } = new(null, KpiMissing.NoData);

    public override string ToString() => Value?.ToString() ?? Missing ?? "";
}

/// <summary>Why a <see cref="Kpi{T}"/> has no value.</summary>
public static class KpiMissing
{
    public const string NoOutcomesYet = "no outcomes yet";
    public const string NoData = "no data";
}

/// <summary>Ratios that say why they are undefined instead of dividing by zero.</summary>
public static class Ratio
{
    public static Kpi<double> Of(long numerator, long denominator, string whenEmpty) =>
        denominator == 0 ? new Kpi<double>(null, whenEmpty) : Kpi<double>.Of((double)numerator / denominator);

    public static Kpi<double> Of(decimal numerator, decimal denominator, string whenEmpty) =>
        denominator == 0 ? new Kpi<double>(null, whenEmpty) : Kpi<double>.Of((double)(numerator / denominator));
}
