using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Persistence.BulkInsert;
using Appeals.Core.Remittances;
using Appeals.Core.Rollups;
using Appeals.Core.Tests.Builders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;
using static Appeals.Core.Tests.Builders.RemittanceBuilder;

namespace Appeals.Core.Tests.Persistence.BulkInsert;

/// <summary>
/// The SQLite bulk writer inserts claims and cases without their insert triggers and adds their rollups itself (ADR 0151):
/// the rollups must come out as the triggers make them, exact against a recomputation from the rows, whatever SQLite
/// recompiles in between, and the triggers must be on again for every other statement.
/// </summary>
public class BulkInsertRollupTests
{
    internal const int EnableTrigger = 1003; // SQLITE_DBCONFIG_ENABLE_TRIGGER
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Denied claims (two denial kinds, two payers), paid claims with and without a service date, and a reversal.</summary>
    private static Remittance[] Remittances(string trace) =>
    [
        Remittance(trace + "A", "PAYER01", [.. Enumerable.Range(1, 120).Select(i => (i % 4) switch
        {
            0 => Claim($"{trace}A{i:D4}", status: 4, charge: 120.35m, paid: 0m).WithLine("99213", 120.35m, 0m, ("CO", "50", 120.35m)),
            1 => Claim($"{trace}A{i:D4}", status: 4, charge: 80.10m, paid: 0m).WithLine("97110", 80.10m, 0m, ("CO", "197", 80.10m)),
            2 => Undated(Claim($"{trace}A{i:D4}", charge: 99.99m, paid: 90m).WithLine("99213", 99.99m, 90m, ("CO", "45", 9.99m))),
            _ => Claim($"{trace}A{i:D4}", charge: 150m, paid: 140.01m).WithLine("99214", 150m, 140.01m, ("CO", "45", 9.99m)),
        })]),
        Remittance(trace + "B", "PAYER02",
            Claim($"{trace}B1", status: 4, charge: 60m, paid: 0m).WithLine("99213", 60m, 0m, ("CO", "50", 60m)),
            Claim($"{trace}B2", status: 22, charge: -60m, paid: 0m).WithLine("99213", -60m, 0m, ("CO", "50", -60m)),
            Claim($"{trace}B3", paid: 200m).WithLine("99213", 200m, 200m)),
    ];

    private static ClaimPayment Undated(ClaimPayment claim)
    {
        claim.ServiceDateFrom = null;
        return claim;
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1024)] // the large remittance in parts of a few claims (ADR 0090): one rollup statement per part
    public async Task Import_RollupsEqualARecomputation_AndNewKeysComeInTheTriggersOrder(int? partBytes)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = new ImportBed(database) { PartBytes = partBytes };
        var summary = await bed.ImportAsync(bed.File("first.835", Remittances("T1")), bed.File("second.835", Remittances("T2")));
        Assert.Empty(summary.Errors);
        Assert.Equal(4, summary.Transactions);

        await using var db = database.Open();
        Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
        // Every claim but the reversals counted once; every case once.
        Assert.Equal(2 * 122, await db.ClaimRemittanceRollups.SumAsync(r => r.Claims, Ct));
        Assert.Equal(await db.DenialCases.CountAsync(Ct), await db.DenialDayRollups.SumAsync(r => r.Cases, Ct));
        Assert.True(await db.DenialDayRollups.CountAsync(Ct) >= 3);
        // The trigger inserts a key's rollup row with the key's first row: the bulk writer's rows keep that order.
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        Assert.Equal(
            Strings(connection, """SELECT "DenialDate" || '|' || "PayerId" || '|' || "Category" || '|' || "PrimaryReason" FROM "DenialCases" GROUP BY 1 ORDER BY MIN("Id")"""),
            Strings(connection, """SELECT "DenialDate" || '|' || "PayerId" || '|' || "Category" || '|' || "PrimaryReason" FROM "DenialReasonDayRollups" ORDER BY rowid"""));
        Assert.Equal(1, TriggerSetting(connection));
    }

    [Fact]
    public async Task Insert_RecompiledBetweenCalls_AndUpdatedAfter_CountsEveryRowOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.Open();
        var (cases, connection) = await ClaimsWithCasesAsync(db, 6);
        await using (var tx = await db.Database.BeginTransactionAsync(Ct))
        {
            using var inserter = RemittanceTables.InserterFor<DenialCase>(db);
            var ids = inserter.Reserve(cases.Count, tx.GetDbTransaction());
            foreach (var c in cases) c.Id = ids.Next();
            inserter.Insert(cases[..3], tx.GetDbTransaction());
            // A schema change makes SQLite compile every statement of the connection again (SQLITE_SCHEMA): the inserter's
            // next step must still run without the triggers, or its rows would be counted by both.
            Execute(connection, """CREATE TABLE "Scratch" ("Id" INTEGER PRIMARY KEY)""");
            inserter.Insert(cases[3..], tx.GetDbTransaction());
            Assert.Equal(1, TriggerSetting(connection));
            // EF's update right after, in the same transaction, runs with the triggers (status moves between rollup columns).
            await db.DenialCases.Where(c => c.Id == cases[0].Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, DenialCaseStatus.WrittenOff), Ct);
            Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
            await tx.CommitAsync(Ct);
        }
        Assert.Equal(6, await db.DenialDayRollups.SumAsync(r => r.Cases, Ct));
        Assert.Equal(1, await db.DenialDayRollups.SumAsync(r => r.ResolvedCases, Ct));
    }

    [Fact]
    public async Task Insert_RefusedAtARow_KeepsTheRollupsOfTheRowsBeforeIt_AndTurnsTheTriggersBackOn()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.Open();
        var (cases, connection) = await ClaimsWithCasesAsync(db, 5);
        cases[3].PayerId = 999_999; // no such payer: the foreign key refuses the fourth row
        await using var tx = await db.Database.BeginTransactionAsync(Ct);
        using var inserter = RemittanceTables.InserterFor<DenialCase>(db);
        var ids = inserter.Reserve(cases.Count, tx.GetDbTransaction());
        foreach (var c in cases) c.Id = ids.Next();

        Assert.Throws<SqliteException>(() => inserter.Insert(cases, tx.GetDbTransaction()));

        // As with the triggers: the rows before the refused one are stored and counted, the refused one is neither.
        Assert.Equal(1, TriggerSetting(connection));
        Assert.Equal(3, await db.DenialCases.CountAsync(Ct));
        Assert.Equal(3, await db.DenialDayRollups.SumAsync(r => r.Cases, Ct));
        Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
        await tx.RollbackAsync(Ct);
        Assert.Equal(0, await db.DenialDayRollups.CountAsync(Ct));
    }

    [Fact]
    public async Task Insert_WithTheTriggersTurnedOffBefore_AddsNoRollups_AsTheTriggersWouldNot()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.Open();
        var (cases, connection) = await ClaimsWithCasesAsync(db, 2);
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_db_config(connection.Handle, EnableTrigger, 0, out _));
        try
        {
            await using (var tx = await db.Database.BeginTransactionAsync(Ct))
            {
                using var inserter = RemittanceTables.InserterFor<DenialCase>(db);
                var ids = inserter.Reserve(cases.Count, tx.GetDbTransaction());
                foreach (var c in cases) c.Id = ids.Next();
                inserter.Insert(cases, tx.GetDbTransaction());
                await tx.CommitAsync(Ct);
            }
            Assert.Equal(0, TriggerSetting(connection));
        }
        finally
        {
            raw.sqlite3_db_config(connection.Handle, EnableTrigger, 1, out _);
        }
        Assert.Equal(2, await db.DenialCases.CountAsync(Ct));
        Assert.Equal(0, await db.DenialDayRollups.CountAsync(Ct));
    }

    [Fact]
    public async Task RollupStatements_FindABatchsRowsByTheirIdRangeAlone()
    {
        // An index on a rollup's condition (Kind) would make each batch read every underpayment case ever stored.
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.Open();
        await db.Database.OpenConnectionAsync(Ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        foreach (var table in RollupTable.All)
        {
            var plan = Strings(connection, "EXPLAIN QUERY PLAN " + RollupTriggers.SqliteAddInserted(table), column: 3);
            Assert.Contains("SEARCH r USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)", plan);
            Assert.DoesNotContain(plan, step => step.Contains("INDEX", StringComparison.Ordinal) && !step.Contains("INTEGER PRIMARY KEY", StringComparison.Ordinal));
        }
    }

    /// <summary><paramref name="count"/> stored denied claims and one new (unsaved) case per claim; the connection is left open.</summary>
    internal static async Task<(List<DenialCase> Cases, SqliteConnection Connection)> ClaimsWithCasesAsync(AppealsDbContext db, int count)
    {
        var remittance = Remittance("TRACE-R", [.. Enumerable.Range(1, count).Select(i =>
            Claim($"PCN-{i}", status: 4, charge: 100m + i, paid: 0m).WithLine("99213", 100m + i, 0m, ("CO", "50", 100m + i)))]);
        remittance.ImportedFile = new ImportedFile { FileName = "f.835", ContentHash = new string('a', 64), Status = ImportStatus.Imported };
        db.Add(remittance);
        await db.SaveChangesAsync(Ct);
        await db.Database.OpenConnectionAsync(Ct);
        var cases = remittance.Claims.Select((claim, i) => new DenialCase
        {
            ClaimPaymentId = claim.Id, PayerId = remittance.PayerId, PatientControlNumber = claim.PatientControlNumber,
            Category = i % 2 == 0 ? "medical_necessity" : "authorization_referral", PrimaryReason = i % 2 == 0 ? "CO-50" : "CO-197",
            DeniedAmount = claim.ChargeAmount, DenialDate = new DateOnly(2026, 1, 5 + i % 3), CreatedAt = DateTimeOffset.UnixEpoch, Version = Guid.NewGuid(),
        }).ToList();
        db.ChangeTracker.Clear();
        return (cases, (SqliteConnection)db.Database.GetDbConnection());
    }

    internal static int TriggerSetting(SqliteConnection connection)
    {
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_db_config(connection.Handle, EnableTrigger, -1, out var setting));
        return setting;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static List<string> Strings(SqliteConnection connection, string sql, int column = 0)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(column));
        return values;
    }
}
