using Appeals.Analytics.Kpis;
using Appeals.Core.Denials;
using Appeals.Core.Rollups;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Analytics.Tests.Rollups;

/// <summary>The dashboard rollups equal a recomputation from the case and claim rows after every kind of write (ADR 0052).</summary>
public class RollupTriggerTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task AssertExactAsync()
    {
        await using var db = _database.Open();
        Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
    }

    [Fact]
    public async Task Rollups_AfterInserts_HoldEveryCaseAndClaimOnce()
    {
        Ledger.Fill(_database);

        await AssertExactAsync();
        await using var db = _database.Open();
        Assert.Equal(4, await db.DenialDayRollups.SumAsync(r => r.Cases, Ct));
        Assert.Equal(125_050, await db.DenialDayRollups.SumAsync(r => r.DeniedCents, Ct));
        Assert.Equal(4, await db.DenialReasonDayRollups.SumAsync(r => r.Cases, Ct));
        // Six adjudicated claims: the reversal (CLP02 = 22) is not one.
        Assert.Equal(6, await db.ClaimRemittanceRollups.SumAsync(r => r.Claims, Ct));
        Assert.Equal(310_000, await db.ClaimRemittanceRollups.SumAsync(r => r.ChargeCents, Ct));
    }

    [Fact]
    public async Task Rollups_AfterWorkflowMovesAndOutcomes_StayExact()
    {
        Ledger.Fill(_database);
        await using (var db = _database.Open())
        {
            var open = await db.DenialCases.SingleAsync(c => c.PrimaryReason == "CO-197", Ct);
            db.Entry(open).Property(c => c.Status).CurrentValue = DenialCaseStatus.Appealed;
            db.Entry(open).Property(c => c.FirstAppealedAt).CurrentValue = new DateTimeOffset(2026, 1, 15, 6, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync(Ct);
            await AssertExactAsync();

            db.Entry(open).Property(c => c.Status).CurrentValue = DenialCaseStatus.PartiallyRecovered;
            db.Entry(open).Property(c => c.RecoveredAmount).CurrentValue = 123.45m;
            db.Entry(open).Property(c => c.ClosedAt).CurrentValue = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
            var missed = await db.DenialCases.SingleAsync(c => c.PrimaryReason == "CO-4", Ct);
            db.Entry(missed).Property(c => c.Status).CurrentValue = DenialCaseStatus.WrittenOff;
            db.Entry(missed).Property(c => c.ClosedAt).CurrentValue = new DateTimeOffset(2026, 6, 29, 0, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync(Ct);
        }
        await AssertExactAsync();

        // Nothing open is left, and the KPIs read the moves.
        await using var check = _database.Open();
        Assert.Equal(0, await check.DenialDayRollups.SumAsync(r => r.OpenCases, Ct));
        var k = await new KpiQueries(check, new FixedTime(Ledger.Today)).SummaryAsync(AnalyticsFilter.None, Ct);
        Assert.Equal(623.45m, k.RecoveredAmount.Value);
        Assert.Equal(250.50m, k.WrittenOffAmount.Value);
        Assert.Equal(2, k.AppealsOverturned);
    }

    [Fact]
    public async Task Rollups_WhenACaseChangesItsKeys_LeaveNoEmptyGroupBehind()
    {
        Ledger.Fill(_database);
        await using (var db = _database.Open())
        {
            var moved = await db.DenialCases.SingleAsync(c => c.PrimaryReason == "CO-4", Ct);
            moved.Category = "other_unspecified";
            moved.PrimaryReason = "CO-16";
            moved.DenialDate = new DateOnly(2026, 6, 12);
            moved.DeniedAmount = 99.99m;
            await db.SaveChangesAsync(Ct);
        }

        await AssertExactAsync();
        await using var check = _database.Open();
        Assert.False(await check.DenialDayRollups.AnyAsync(r => r.Category == "coding_bundling_modifier", Ct));
        Assert.False(await check.DenialReasonDayRollups.AnyAsync(r => r.PrimaryReason == "CO-4", Ct));
        Assert.Equal(9_999, await check.DenialDayRollups.Where(r => r.Category == "other_unspecified").SumAsync(r => r.DeniedCents, Ct));
    }

    [Fact]
    public async Task Rollups_AfterDeletes_AreEmptyWhenNothingIsLeft()
    {
        Ledger.Fill(_database);
        await using (var db = _database.Open())
        {
            await db.DenialCases.Where(c => c.PrimaryReason == "CO-50").ExecuteDeleteAsync(Ct);
            await AssertExactAsync();
            // Claims go with their remittances (cascade), cases with their claims.
            await db.Remittances.ExecuteDeleteAsync(Ct);
        }

        await AssertExactAsync();
        await using var check = _database.Open();
        Assert.Equal(0, await check.DenialDayRollups.CountAsync(Ct));
        Assert.Equal(0, await check.DenialReasonDayRollups.CountAsync(Ct));
        Assert.Equal(0, await check.ClaimRemittanceRollups.CountAsync(Ct));
    }

    [Fact]
    public async Task RollupCheck_WhenARollupIsTamperedWith_NamesIt()
    {
        Ledger.Fill(_database);
        await using var db = _database.Open();
        await db.Database.ExecuteSqlRawAsync("UPDATE \"DenialDayRollups\" SET \"Cases\" = \"Cases\" + 1", Ct);

        var differences = await RollupCheck.DifferencesAsync(db, Ct);

        Assert.Single(differences);
        Assert.StartsWith("DenialDayRollups:", differences[0]);
    }
}
