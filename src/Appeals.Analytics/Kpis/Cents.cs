namespace Appeals.Analytics.Kpis;

/// <summary>
/// Sums of money are taken in whole cents (<see cref="Core.Persistence.MoneyInSql.Cents"/> in a query, the rollups' cents
/// columns): SQLite stores decimal as TEXT and EF Core can only aggregate it through a function called back per row, slow at
/// a million rows; summing whole cents is exact for 835 amounts (two decimals) on every provider (ADR 0051).
/// </summary>
internal static class Cents
{
    public static decimal ToDollars(long cents) => cents / 100m;
}
