namespace Appeals.Analytics.Kpis;

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
