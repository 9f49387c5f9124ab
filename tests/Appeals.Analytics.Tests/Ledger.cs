using Appeals.Tests.Shared;

namespace Appeals.Analytics.Tests;

/// <summary>The hand-computed ledger every KPI test reads (<see cref="DenialLedger"/>; the numbers in KpiQueriesTests).</summary>
internal static class Ledger
{
    public static readonly DateTimeOffset Today = DenialLedger.Today;
    public static readonly DateTimeOffset Jan30 = DenialLedger.Jan30;

    public static void Fill(TestDatabase database)
    {
        using var db = database.Open();
        DenialLedger.Fill(db);
    }
}
