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
    long UnlinkedTakeBacks,
    IReadOnlyList<LevelOverturn> OverturnByLevel,
    double? AverageDaysDenialToRecovery,
    long PaidClaimsWithServiceDate,
    double? AverageDaysServiceToPayment);

/// <summary>One calendar month of the scorecard (<see cref="PayerScorecardQueries.ByMonthAsync"/>): its first day, and each payer's figures within it.</summary>
public sealed record PayerScorecardMonth(DateOnly Month, IReadOnlyList<PayerScorecardRow> Payers);

/// <summary>
/// Appeals decided at one appeal level (decided there, or escalated past it: the payer decided that level against the case)
/// and overturned there (recovered or partially recovered); only levels with a decision are listed.
/// </summary>
public sealed record LevelOverturn(int Level, long Decided, long Overturned, double? Rate);

/// <summary>A root cause (category) of a payer's denials, with its share of the payer's denial cases.</summary>
public sealed record RootCauseShare(string Category, long Cases, decimal DeniedAmount, double Share);
