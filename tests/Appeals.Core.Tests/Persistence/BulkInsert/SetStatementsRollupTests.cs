using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Core.Persistence.BulkInsert;
using Appeals.Core.Rollups;
using Appeals.Core.Tests.Builders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;
using static Appeals.Core.Tests.Persistence.BulkInsert.BulkInsertRollupTests;

namespace Appeals.Core.Tests.Persistence.BulkInsert;

/// <summary>
/// SQLite's set-based update keeps the rollups itself, without the per-row update trigger (ADR 0159): every rollup must equal
/// a recomputation after it, in one statement or several, emptied keys pruned, rows moved between keys, nothing kept when the
/// write fails or when the caller had turned the triggers off, and the triggers on again for every other statement.
/// </summary>
public class SetStatementsRollupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Paid = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(12)]
    [InlineData(SetStatements.RowsPerStatement + 25)] // two statements, each with its own rollup statements
    public async Task UpdateChanged_KeepsEveryRollupEqualToARecomputation_AndPrunesEmptiedKeys(int count)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.Open();
        var connection = await StoredCasesAsync(db, count);
        Assert.True(await db.UnderpaymentDayRollups.CountAsync(Ct) > 0);

        var cases = await db.DenialCases.AsNoTracking().OrderBy(c => c.Id).ToListAsync(Ct);
        var snapshot = SetStatements.Snapshot(db, cases);
        foreach (var (c, i) in cases.Select((c, i) => (c, i)))
        {
            if (c.Kind == CaseKinds.Underpayment) c.Kind = CaseKinds.Denial; // its underpayment rollup's keys empty: pruned
            else if (i % 3 == 0)
            {
                c.RecordRecovery(c.DeniedAmount);
                Recover(c);
            }
            else if (i % 3 == 1) c.MarkDeadlineMissed();
        }
        await using (var tx = await db.Database.BeginTransactionAsync(Ct))
        {
            Assert.Equal(cases.Count(c => c.Status == DenialCaseStatus.Recovered || c.DeadlineMissed || c.Category == CaseKinds.UnderpaymentCategory),
                await snapshot.UpdateChangedAsync(Ct));
            await tx.CommitAsync(Ct);
        }

        Assert.Equal(1, TriggerSetting(connection));
        Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
        Assert.Equal(0, await db.UnderpaymentDayRollups.CountAsync(Ct));
        Assert.Equal(cases.Count(c => c.Status == DenialCaseStatus.Recovered), await db.DenialDayRollups.SumAsync(r => r.ResolvedCases, Ct));
        Assert.Equal(cases.Count(c => c.DeadlineMissed), await db.DenialDayRollups.SumAsync(r => r.DeadlinesMissed, Ct));
        // EF's own update after it runs with the trigger too.
        var second = cases[1].Id;
        await db.DenialCases.Where(c => c.Id == second).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, DenialCaseStatus.WrittenOff), Ct);
        Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
    }

    [Fact]
    public async Task UpdateChanged_OfARowChangedMeanwhile_FailsAndTheRollbackLeavesTheRollupsAsTheyWere()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.Open();
        var connection = await StoredCasesAsync(db, 9);
        var before = await db.DenialDayRollups.AsNoTracking().OrderBy(r => r.DenialDate).ThenBy(r => r.Category).ToListAsync(Ct);
        var cases = await db.DenialCases.AsNoTracking().Where(c => c.Kind == CaseKinds.Denial).OrderBy(c => c.Id).ToListAsync(Ct);
        var snapshot = SetStatements.Snapshot(db, cases);
        foreach (var c in cases) Recover(c);
        // Someone else saves the last case (a new stamp) after it was read.
        var stale = cases[^1].Id;
        await db.DenialCases.Where(c => c.Id == stale).ExecuteUpdateAsync(u => u.SetProperty(c => c.Version, Guid.NewGuid()), Ct);

        await using (var tx = await db.Database.BeginTransactionAsync(Ct))
        {
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => snapshot.UpdateChangedAsync(Ct));
            // Until the rollback, the rows it did update count as stored, the one it missed as it stands.
            Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
            await tx.RollbackAsync(Ct);
        }

        Assert.Equal(1, TriggerSetting(connection));
        Assert.Equal(0, await db.DenialCases.CountAsync(c => c.Status == DenialCaseStatus.Recovered, Ct));
        Assert.Equivalent(before, await db.DenialDayRollups.AsNoTracking().OrderBy(r => r.DenialDate).ThenBy(r => r.Category).ToListAsync(Ct));
    }

    [Fact]
    public async Task UpdateChanged_WithTheTriggersTurnedOffBefore_KeepsNoRollups_AsTheTriggerWouldNot()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.Open();
        var connection = await StoredCasesAsync(db, 6);
        var cases = await db.DenialCases.AsNoTracking().Where(c => c.Kind == CaseKinds.Denial).ToListAsync(Ct);
        var snapshot = SetStatements.Snapshot(db, cases);
        foreach (var c in cases) Recover(c);
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_db_config(connection.Handle, EnableTrigger, 0, out _));
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            Assert.Equal(cases.Count, await snapshot.UpdateChangedAsync(Ct));
            await tx.CommitAsync(Ct);
            Assert.Equal(0, TriggerSetting(connection));
        }
        finally
        {
            raw.sqlite3_db_config(connection.Handle, EnableTrigger, 1, out _);
        }
        Assert.Equal(cases.Count, await db.DenialCases.CountAsync(c => c.Status == DenialCaseStatus.Recovered, Ct));
        Assert.Equal(0, await db.DenialDayRollups.SumAsync(r => r.ResolvedCases, Ct));
    }

    [Fact]
    public async Task UpdateChanged_ThatMovesRowsBetweenRollupKeys_MovesTheirContributions()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.Open();
        await StoredCasesAsync(db, 8);
        var cases = await db.DenialCases.AsNoTracking().Where(c => c.Kind == CaseKinds.Denial).ToListAsync(Ct);
        var snapshot = SetStatements.Snapshot(db, cases);
        foreach (var c in cases)
        {
            c.Category = "coding"; // a key of the denial rollups
            Recover(c);
        }

        await snapshot.UpdateChangedAsync(Ct); // no transaction of the caller's: its own

        Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
        Assert.Equal(["coding"], await db.DenialDayRollups.Select(r => r.Category).Distinct().ToListAsync(Ct));
    }

    /// <summary>The move a full payment makes: status, state and closing instant change (the case is not attached anywhere).</summary>
    private static void Recover(DenialCase c) => c.RecordMove("recovered", DenialCaseStatus.Recovered, final: true, "open", "paid", "era", "", Paid);

    /// <summary>
    /// <paramref name="count"/> denial cases on three days (rollups kept as the importer keeps them), and two underpayment
    /// cases on a day of their own; the connection is left open.
    /// </summary>
    private static async Task<SqliteConnection> StoredCasesAsync(AppealsDbContext db, int count)
    {
        var (cases, connection) = await ClaimsWithCasesAsync(db, count + 2);
        foreach (var c in cases[^2..])
        {
            (c.Kind, c.Category, c.ShortfallAmount, c.DenialDate) = (CaseKinds.Underpayment, CaseKinds.UnderpaymentCategory, 12.5m, new DateOnly(2026, 2, 1));
        }
        await using var tx = await db.Database.BeginTransactionAsync(Ct);
        using var inserter = RemittanceTables.InserterFor<DenialCase>(db);
        var ids = inserter.Reserve(cases.Count, tx.GetDbTransaction());
        foreach (var c in cases) c.Id = ids.Next();
        inserter.Insert(cases, tx.GetDbTransaction());
        await tx.CommitAsync(Ct);
        Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
        return connection;
    }
}
