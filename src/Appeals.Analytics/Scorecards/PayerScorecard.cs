namespace Appeals.Analytics.Scorecards;

/// <summary>One payer's scorecard (docs/kpis.md, "Payer scorecard"); a rate is null when its denominator is zero.</summary>
public sealed record PayerScorecardRow(
    long PayerId,
    string Payer,
    string PayerType,
    long Claims,
    long DenialCases,
    decimal DeniedAmount,
    double? DenialRate,
    IReadOnlyList<RootCauseShare> TopRootCauses,
    long AppealsDecided,
    long AppealsOverturned,
    double? OverturnRate,
    double? AverageDaysDenialToResolution,
    decimal RecoveredAmount,
    long UnderpaymentCases,
    decimal UnderpaymentAmount,
    double? UnderpaymentRate,
    decimal UnderpaymentRecovered,
    long TakeBacks,
    decimal TakeBackAmount,
    long UnlinkedTakeBacks);

/// <summary>A root cause (category) of a payer's denials, with its share of the payer's denial cases.</summary>
public sealed record RootCauseShare(string Category, long Cases, decimal DeniedAmount, double Share);
