using Appeals.Core.Persistence;
using Appeals.Core.Tests.Builders;
using Appeals.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Tests.Persistence;

/// <summary>
/// Money compared, ordered and summed in SQL through <see cref="MoneyInSql.Cents"/> is exact on every provider, where
/// SQLite's decimals are text ("9.99" sorts after "10.00"). Run on PostgreSQL too (MoneyInSqlOnPostgreSqlTests).
/// </summary>
public class MoneyInSqlTests : IAsyncLifetime
{
    private static readonly decimal[] Denied = [9.99m, 10.00m, 0.10m, 0.20m, 1234.56m, 100.01m];
    private TestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.Open();
        var f = new DenialFixture(db);
        var payer = f.Payer("Acme Health");
        foreach (var (amount, i) in Denied.Select((a, i) => (a, i)))
            f.Denial(f.Claim(payer, amount, new DateOnly(2026, 3, 1 + i)), payer, amount, i % 2 == 0 ? "even" : "odd", "CO-45");
        f.Save();
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task OrderByCents_PutsTenDollarsAboveNineNinetyNine()
    {
        await using var db = _database.Open();

        var ordered = await db.DenialCases.OrderByDescending(c => MoneyInSql.Cents(c.DeniedAmount)).Select(c => c.DeniedAmount).ToListAsync(Ct);

        Assert.Equal([1234.56m, 100.01m, 10.00m, 9.99m, 0.20m, 0.10m], ordered);
    }

    [Theory]
    [InlineData("10.00", "10.00 100.01 1234.56")]
    [InlineData("9.99", "9.99 10.00 100.01 1234.56")]
    [InlineData("9.995", "10.00 100.01 1234.56")]
    [InlineData("0.11", "0.20 9.99 10.00 100.01 1234.56")]
    [InlineData("1234.57", "")]
    public async Task WhereCentsAtLeast_KeepsExactlyTheAmountsAtOrAboveTheMinimum(string minimum, string kept)
    {
        var expected = kept.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var atLeast = MoneyInSql.CentsAtLeast(decimal.Parse(minimum, System.Globalization.CultureInfo.InvariantCulture));
        await using var db = _database.Open();

        var found = await db.DenialCases.Where(c => MoneyInSql.Cents(c.DeniedAmount) >= atLeast).Select(c => c.DeniedAmount).ToListAsync(Ct);

        Assert.Equal(expected.Select(e => decimal.Parse(e, System.Globalization.CultureInfo.InvariantCulture)).Order(), found.Order());
    }

    [Fact]
    public async Task SumOfCents_IsExact_InTotalAndByGroup_AndEqualsTheRollups()
    {
        await using var db = _database.Open();

        var total = await db.DenialCases.SumAsync(c => MoneyInSql.Cents(c.DeniedAmount), Ct);
        var byGroup = await db.DenialCases.GroupBy(c => c.Category)
            .Select(g => new { g.Key, Cents = g.Sum(c => MoneyInSql.Cents(c.DeniedAmount)) }).ToDictionaryAsync(g => g.Key, g => g.Cents, Ct);

        Assert.Equal(135_486, total);
        Assert.Equal(999 + 10 + 123_456, byGroup["even"]);
        Assert.Equal(1000 + 20 + 10_001, byGroup["odd"]);
        Assert.Equal(total, await db.DenialDayRollups.SumAsync(r => r.DeniedCents, Ct));
    }

    [Fact]
    public void Cents_InMemory_RoundsHalfAwayFromZero_AndCentsAtLeastRoundsUp()
    {
        Assert.Equal(1000, MoneyInSql.Cents(10.00m));
        Assert.Equal(1000, MoneyInSql.Cents(9.995m));
        Assert.Equal(-1000, MoneyInSql.Cents(-9.995m));
        Assert.Equal(1000, MoneyInSql.CentsAtLeast(9.991m));
        Assert.Equal(999, MoneyInSql.CentsAtLeast(9.99m));
    }

    [Fact]
    public async Task Cents_IsRewrittenForTheProvider_SqliteThroughReal_OthersInTheirDecimal()
    {
        await using var db = _database.Open();

        var sql = db.DenialCases.Where(c => MoneyInSql.Cents(c.DeniedAmount) >= 999).ToQueryString();

        TestContext.Current.TestOutputHelper?.WriteLine(sql);
        if (_database.Provider == DatabaseProvider.Sqlite) Assert.Contains("CAST(\"d\".\"DeniedAmount\" AS REAL)", sql);
        else Assert.DoesNotContain("double", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("round(", sql, StringComparison.OrdinalIgnoreCase);
    }
}
