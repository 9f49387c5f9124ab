using Appeals.Core.Denials;

namespace Appeals.Analytics.Kpis;

/// <summary>Which case statuses count as which outcome in the KPIs (docs/kpis.md).</summary>
internal static class CaseOutcomes
{
    /// <summary>Statuses whose outcome is known.</summary>
    public static readonly string[] Resolved =
        [DenialCaseStatus.Recovered, DenialCaseStatus.PartiallyRecovered, DenialCaseStatus.Upheld, DenialCaseStatus.WrittenOff, DenialCaseStatus.Closed];

    /// <summary>An appealed case with one of these statuses has had its appeal decided.</summary>
    public static readonly string[] AppealDecided =
        [DenialCaseStatus.Recovered, DenialCaseStatus.PartiallyRecovered, DenialCaseStatus.Upheld];

    /// <summary>A decided appeal with one of these statuses was overturned, in full or in part.</summary>
    public static readonly string[] Overturned =
        [DenialCaseStatus.Recovered, DenialCaseStatus.PartiallyRecovered];
}

/// <summary>
/// Sums of money are taken in whole cents: SQLite stores decimal as TEXT and EF Core can only
/// aggregate it through a function called back per row, slow at a million rows; rounding each
/// amount to cents in SQL and summing integers is exact for 835 amounts (two decimals) and runs
/// natively on SQLite and SQL Server alike (ADR 0051).
/// </summary>
internal static class Cents
{
    public static decimal ToDollars(long cents) => cents / 100m;
}
