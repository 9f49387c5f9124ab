namespace Appeals.Analytics.Kpis;

/// <summary>The headline KPIs of the dashboard for one filter (definitions in docs/kpis.md).</summary>
public sealed record KpiSummary
{
    public required AnalyticsFilter Filter { get; init; }
    public required DateOnly AsOf { get; init; }

    /// <summary>Claims adjudicated (remitted, reversals excluded) and their charges: the denominator of the denial rate.</summary>
    public required int AdjudicatedClaims { get; init; }
    public required decimal ChargedAmount { get; init; }
    public required int DenialCases { get; init; }
    public required decimal DeniedAmount { get; init; }
    public required Kpi<double> InitialDenialRateByCount { get; init; }
    public required Kpi<double> InitialDenialRateByDollars { get; init; }

    public required int AvoidableCases { get; init; }
    public required decimal AvoidableAmount { get; init; }
    public required Kpi<double> AvoidableShareByCount { get; init; }
    public required Kpi<double> AvoidableShareByDollars { get; init; }

    /// <summary>Cases whose outcome is known (any closed status).</summary>
    public required int ResolvedCases { get; init; }
    public required Kpi<decimal> RecoveredAmount { get; init; }
    public required Kpi<decimal> WrittenOffAmount { get; init; }

    public required int AppealsDecided { get; init; }
    public required int AppealsOverturned { get; init; }
    public required Kpi<double> OverturnRateByCount { get; init; }
    public required Kpi<double> OverturnRateByDollars { get; init; }

    public required Kpi<double> AverageDaysToAppeal { get; init; }
    public required Kpi<double> AverageDaysToResolution { get; init; }

    public required int DeadlinesMissed { get; init; }
    public required IReadOnlyList<AgingBucketRow> OpenCasesByAge { get; init; }
}

/// <summary>Open cases whose denial date is a given number of days old.</summary>
public sealed record AgingBucketRow(string Bucket, int Cases, decimal DeniedAmount);

/// <summary>
/// The denial rate of one group (a payer, a category, a month...). Key is what the group is keyed
/// by (payer id, category, "2026-03"), Label what a person reads; Claims and ChargedAmount are the
/// group's adjudicated claims, or all of them when claims have no such key (category, CARC, procedure).
/// </summary>
public sealed record DenialRateRow(
    string Key, string Label, int Claims, decimal ChargedAmount, int Denials, decimal DeniedAmount,
    Kpi<double> RateByCount, Kpi<double> RateByDollars);

/// <summary>What a denial rate can be broken down by.</summary>
public enum DenialDimension
{
    Payer,
    Category,
    Carc,
    Provider,
    Procedure,
    Month,
}
