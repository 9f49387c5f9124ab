using Appeals.Analytics.Kpis;

namespace Appeals.Analytics.Tests.Kpis;

public class DenialRateQueriesTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public DenialRateQueriesTests() => Ledger.Fill(_database);

    public void Dispose() => _database.Dispose();

    private async Task<IReadOnlyList<DenialRateRow>> ByAsync(DenialDimension dimension)
    {
        await using var db = _database.Open();
        return await new DenialRateQueries(db).ByAsync(dimension, AnalyticsFilter.None, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ByPayer_EachPayerHasItsOwnDenominator()
    {
        var rows = await ByAsync(DenialDimension.Payer);

        var acme = Assert.Single(rows, r => r.Label == "Acme Health");
        var beta = Assert.Single(rows, r => r.Label == "Beta Care");
        Assert.Equal((4, 1900m, 2, 900m), (acme.Claims, acme.ChargedAmount, acme.Denials, acme.DeniedAmount));
        Assert.Equal((2, 1200m, 2, 350.50m), (beta.Claims, beta.ChargedAmount, beta.Denials, beta.DeniedAmount));
        Assert.Equal(1.0, beta.RateByCount.Value!.Value, 10);
    }

    [Fact]
    public async Task ByMonth_AMonthWithClaimsAndNoDenials_HasRateZero()
    {
        var rows = await ByAsync(DenialDimension.Month);

        Assert.Equal(["2026-01", "2026-02", "2026-03", "2026-06"], rows.Select(r => r.Key));
        var february = rows[1];
        Assert.Equal((1, 0), (february.Claims, february.Denials));
        Assert.Equal(0.0, february.RateByCount.Value!.Value);
        Assert.Equal(0.5, rows[2].RateByCount.Value!.Value, 10);
    }

    [Fact]
    public async Task ByCarc_AddsGroupsOfOneCodeOverAllClaims()
    {
        var rows = await ByAsync(DenialDimension.Carc);

        var carc197 = Assert.Single(rows, r => r.Key == "197");
        Assert.Equal((6, 2, 500m), (carc197.Claims, carc197.Denials, carc197.DeniedAmount));
        Assert.Equal(2d / 6, carc197.RateByCount.Value!.Value, 10);
        Assert.Equal(["197", "4", "50"], rows.Select(r => r.Key));
    }

    [Theory]
    [InlineData(DenialDimension.Category, 3)]
    [InlineData(DenialDimension.Provider, 2)]
    [InlineData(DenialDimension.Procedure, 1)]
    public async Task By_EveryDimension_AddsUpToTheTotalDenials(DenialDimension dimension, int groups)
    {
        var rows = await ByAsync(dimension);

        Assert.Equal(groups, rows.Count);
        Assert.Equal(4, rows.Sum(r => r.Denials));
        Assert.Equal(1250.50m, rows.Sum(r => r.DeniedAmount));
    }
}
