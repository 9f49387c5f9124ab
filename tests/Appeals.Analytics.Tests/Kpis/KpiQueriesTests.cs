using Appeals.Analytics.Kpis;
using Appeals.Tests.Shared;

namespace Appeals.Analytics.Tests.Kpis;

public class KpiQueriesTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<KpiSummary> SummaryAsync(AnalyticsFilter filter)
    {
        await using var db = _database.Open();
        return await new KpiQueries(db, new FixedTime(Ledger.Today)).SummaryAsync(filter, TestContext.Current.CancellationToken);
    }

    private async Task<long> PayerIdAsync(string name)
    {
        await using var db = _database.Open();
        return db.Payers.Single(p => p.Name == name).Id;
    }

    [Fact]
    public async Task Summary_Ledger_EqualsHandComputedNumbers()
    {
        Ledger.Fill(_database);

        var k = await SummaryAsync(AnalyticsFilter.None);

        // Six adjudicated claims (the reversal excluded), $3,100 charged; four denials, $1,250.50 denied.
        Assert.Equal(6, k.AdjudicatedClaims);
        Assert.Equal(3100m, k.ChargedAmount);
        Assert.Equal(4, k.DenialCases);
        Assert.Equal(1250.50m, k.DeniedAmount);
        Assert.Equal(4d / 6, k.InitialDenialRateByCount.Value!.Value, 10);
        Assert.Equal(1250.50 / 3100, k.InitialDenialRateByDollars.Value!.Value, 10);
        Assert.Equal(3, k.AvoidableCases);
        Assert.Equal(750.50m, k.AvoidableAmount);
        Assert.Equal(0.75, k.AvoidableShareByCount.Value!.Value, 10);
        Assert.Equal(750.50 / 1250.50, k.AvoidableShareByDollars.Value!.Value, 10);
        Assert.Equal(2, k.ResolvedCases);
        Assert.Equal(500m, k.RecoveredAmount.Value);
        Assert.Equal(0m, k.WrittenOffAmount.Value);
        Assert.Equal(2, k.AppealsDecided);
        Assert.Equal(1, k.AppealsOverturned);
        Assert.Equal(0.5, k.OverturnRateByCount.Value!.Value, 10);
        Assert.Equal(500d / 600, k.OverturnRateByDollars.Value!.Value, 10);
        Assert.Equal(10, k.AverageDaysToAppeal.Value!.Value, 6);
        Assert.Equal(35, k.AverageDaysToResolution.Value!.Value, 6);
        Assert.Equal(1, k.DeadlinesMissed);
        Assert.Equal(
            [new("0–30", 1, 250.50m), new("31–60", 0, 0m), new("61–90", 0, 0m), new("91–120", 0, 0m), new(">120", 1, 400m)],
            k.OpenCasesByAge);
    }

    [Fact]
    public async Task Summary_EmptyDatabase_SaysNoDataAndNoOutcomesInsteadOfZero()
    {
        var k = await SummaryAsync(AnalyticsFilter.None);

        Assert.Equal(0, k.AdjudicatedClaims);
        Assert.Equal(0m, k.DeniedAmount);
        Assert.Equal(KpiMissing.NoData, k.InitialDenialRateByCount.Missing);
        Assert.Equal(KpiMissing.NoData, k.InitialDenialRateByDollars.Missing);
        Assert.Equal(KpiMissing.NoData, k.AvoidableShareByCount.Missing);
        Assert.Equal(KpiMissing.NoOutcomesYet, k.RecoveredAmount.Missing);
        Assert.Equal(KpiMissing.NoOutcomesYet, k.WrittenOffAmount.Missing);
        Assert.Equal(KpiMissing.NoOutcomesYet, k.OverturnRateByCount.Missing);
        Assert.Equal(KpiMissing.NoOutcomesYet, k.OverturnRateByDollars.Missing);
        Assert.Equal(KpiMissing.NoOutcomesYet, k.AverageDaysToAppeal.Missing);
        Assert.Equal(KpiMissing.NoOutcomesYet, k.AverageDaysToResolution.Missing);
        Assert.All(k.OpenCasesByAge, b => Assert.Equal(0, b.Cases));
        Assert.Equal(5, k.OpenCasesByAge.Count);
    }

    [Fact]
    public async Task Summary_SinglePayer_CountsOnlyThatPayersClaimsAndDenials()
    {
        Ledger.Fill(_database);

        var k = await SummaryAsync(new AnalyticsFilter(PayerId: await PayerIdAsync("Acme Health")));

        Assert.Equal(4, k.AdjudicatedClaims);
        Assert.Equal(1900m, k.ChargedAmount);
        Assert.Equal(2, k.DenialCases);
        Assert.Equal(900m, k.DeniedAmount);
        Assert.Equal(0.5, k.InitialDenialRateByCount.Value!.Value, 10);
        Assert.Equal(1.0, k.OverturnRateByCount.Value!.Value, 10);
        Assert.Equal(0, k.DeadlinesMissed);
    }

    [Fact]
    public async Task Summary_DateRangeProviderAndCategory_ApplyToEveryFigure()
    {
        Ledger.Fill(_database);

        var january = await SummaryAsync(new AnalyticsFilter(From: new(2026, 1, 1), To: new(2026, 1, 31)));
        var p2 = await SummaryAsync(new AnalyticsFilter(ProviderId: "P2"));
        var authorization = await SummaryAsync(new AnalyticsFilter(Category: "authorization_referral"));

        Assert.Equal((2, 1500m, 2, 900m), (january.AdjudicatedClaims, january.ChargedAmount, january.DenialCases, january.DeniedAmount));
        Assert.Equal(10, january.AverageDaysToAppeal.Value!.Value, 6);
        Assert.Equal((2, 1500m, 2, 750.50m), (p2.AdjudicatedClaims, p2.ChargedAmount, p2.DenialCases, p2.DeniedAmount));
        // A category's rate is its denials over every adjudicated claim.
        Assert.Equal((6, 2, 500m), (authorization.AdjudicatedClaims, authorization.DenialCases, authorization.DeniedAmount));
        Assert.Equal(0.0, authorization.OverturnRateByCount.Value!.Value, 10);
        Assert.Equal(30, authorization.AverageDaysToResolution.Value!.Value, 6);
    }

    [Fact]
    public async Task Summary_OpenCasesOnly_ReportNoOutcomesYet()
    {
        Ledger.Fill(_database);

        var june = await SummaryAsync(new AnalyticsFilter(From: new(2026, 6, 1)));

        Assert.Equal(1, june.DenialCases);
        Assert.Equal(KpiMissing.NoOutcomesYet, june.OverturnRateByCount.Missing);
        Assert.Equal(KpiMissing.NoOutcomesYet, june.AverageDaysToResolution.Missing);
        Assert.Equal(KpiMissing.NoOutcomesYet, june.WrittenOffAmount.Missing);
    }

    [Fact]
    public async Task Summary_AfterWorkflowMovesAndOutcomes_ReadsTheMoves()
    {
        Ledger.Fill(_database);
        await using (var db = _database.Open())
        {
            DenialLedger.AppealTheOpenCase(db);
            DenialLedger.CloseTheOpenCases(db);
        }

        var k = await SummaryAsync(AnalyticsFilter.None);

        Assert.Equal(623.45m, k.RecoveredAmount.Value);
        Assert.Equal(250.50m, k.WrittenOffAmount.Value);
        Assert.Equal(2, k.AppealsOverturned);
    }
}
