using Appeals.Core.Rollups;
using Appeals.Core.Tests.Builders;
using Appeals.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Tests.Rollups;

/// <summary>The dashboard rollups equal a recomputation from the case and claim rows after every kind of write (ADR 0052).</summary>
public class RollupTriggerTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.Open();
        DenialLedger.Fill(db);
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await _database.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task AssertExactAsync()
    {
        await using var db = _database.Open();
        Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
    }

    [Fact]
    public async Task Rollups_AfterInserts_HoldEveryCaseAndClaimOnce()
    {
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
        await using (var db = _database.Open())
        {
            DenialLedger.AppealTheOpenCase(db);
            await AssertExactAsync();
            DenialLedger.CloseTheOpenCases(db);
        }
        await AssertExactAsync();

        // Nothing open is left (Analytics.Tests' KpiQueriesTests reads the same moves through the KPIs).
        await using var check = _database.Open();
        Assert.Equal(0, await check.DenialDayRollups.SumAsync(r => r.OpenCases, Ct));
        Assert.Equal(62_345, await check.DenialDayRollups.SumAsync(r => r.RecoveredCents, Ct));
        Assert.Equal(25_050, await check.DenialDayRollups.SumAsync(r => r.WrittenOffCents, Ct));
        Assert.Equal(2, await check.DenialDayRollups.SumAsync(r => r.AppealsOverturned, Ct));
    }

    [Fact]
    public async Task Rollups_WhenACaseChangesItsKeys_LeaveNoEmptyGroupBehind()
    {
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
        await using var db = _database.Open();
        await db.Database.ExecuteSqlRawAsync("UPDATE \"DenialDayRollups\" SET \"Cases\" = \"Cases\" + 1", Ct);

        var differences = await RollupCheck.DifferencesAsync(db, Ct);

        Assert.Single(differences);
        Assert.StartsWith("DenialDayRollups:", differences[0]);
    }
}
