using System.Data.Common;
using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;
using Appeals.Core.Rollups;
using Appeals.Workflows.Jobs;
using Appeals.Workflows.NewCases;
using Appeals.Workflows.Outcomes;
using Appeals.Workflows.Routing;
using Appeals.Workflows.TakeBacks;
using Appeals.Workflows.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows.Tests.Outcomes;

/// <summary>
/// The set-based outcome step (ADR 0077) against the per-case reference (<see cref="EraOutcomes.PerCase"/>: cases loaded for
/// change and saved by EF): the same imports and workflow moves on two databases end in the same rows, column by column, and
/// its statements per transaction do not grow with the cases a remittance answers. Migrated databases: the rollup triggers run.
/// </summary>
public class SetBasedOutcomesTests : IDisposable
{
    private readonly TestDatabase _set = new();
    private readonly TestDatabase _perCase = new();
    private readonly FixedTime _time = FixedTime.At(2026, 6, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public SetBasedOutcomesTests()
    {
        foreach (var test in new[] { _set, _perCase }.Where(t => t.Provider == DatabaseProvider.Sqlite))
        {
            // TestDatabase creates the SQLite schema without the migrations' rollup triggers: migrate a fresh file instead.
            SqliteConnection.ClearAllPools();
            File.Delete(Path.Combine(test.Folder, "appeals.db"));
            using var db = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, test.ConnectionString, TestDatabase.Phi);
            AppealsDatabase.MigrateAsync(db, Ct).GetAwaiter().GetResult();
        }
    }

    public void Dispose()
    {
        _set.Dispose();
        _perCase.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task SetBasedWrite_EndsInTheRowsThePerCaseSaveWrites()
    {
        foreach (var (test, reference) in new[] { (_set, false), (_perCase, true) })
        {
            await ImportAsync(test, reference, "denials.835", [Era.Denials(1, 30, zeroFrom: 21)]);
            await using (var db = test.Open())
            {
                var cases = await db.DenialCases.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(Ct);
                var workflow = new CaseWorkflow(db, WorkflowDefinitions.Shipped, _time);
                // Claim 2 is being worked, claim 3 written off: a payment moves the first and only adds money to the second.
                Assert.True((await workflow.FireAsync(cases[1], WorkflowTriggers.Start, new("spec1"), "", Ct)).Succeeded);
                Assert.True((await workflow.FireAsync(cases[2], WorkflowTriggers.RequestWriteOff, new("spec1"), "small", Ct)).Succeeded);
                Assert.True((await workflow.FireAsync(cases[2], WorkflowTriggers.ApproveWriteOff, new("boss", IsManager: true), "ok", Ct)).Succeeded);
            }
            // Paid in full (1, 2, 3), in part (4), denied again under a new number naming the old one (5: a re-denial, linked, no
            // move from open), and two claims whose CLP07 "0" identifies nothing, matched by CLP01 + payer + service date.
            await ImportAsync(test, reference, "later.835", [Era.Later(new DateOnly(2026, 4, 1),
                Era.Paid(1, 200m), Era.Paid(2, 200m), Era.Paid(3, 200m), Era.Paid(4, 80m), Era.Redenied(5), Era.Paid(21, 200m, "0"), Era.Paid(22, 200m, "0"))]);
            // The payer takes 120.00 of claim 1's payment back (reopens its case, ADR 0105), then pays claim 1 again and claim 4's rest.
            await ImportAsync(test, reference, "takeback.835", [Era.TakeBack(new DateOnly(2026, 5, 4), 1, 120m)]);
            await ImportAsync(test, reference, "again.835", [Era.Later(new DateOnly(2026, 5, 20), Era.Paid(1, 150m, "PCN80000001", original: 1), Era.Paid(4, 120m))]);
        }

        var set = await DumpAsync(_set);
        var perCase = await DumpAsync(_perCase);
        Assert.Equal(perCase.Cases, set.Cases);
        Assert.Equal(perCase.Transitions, set.Transitions);
        Assert.Equal(perCase.Rollups, set.Rollups);
        Assert.Equal(perCase.Audit, set.Audit);
        Assert.Equal(perCase.TakeBacks, set.TakeBacks);

        // The scenario did what it says (so that equality means something).
        await using var check = _set.Open();
        Assert.Empty(await RollupCheck.DifferencesAsync(check, Ct));
        var rows = await check.DenialCases.AsNoTracking().OrderBy(c => c.Id).ToListAsync(Ct);
        Assert.Equal((DenialCaseStatus.Recovered, 230m, 120m), (rows[0].Status, rows[0].RecoveredAmount, rows[0].TakenBackAmount));
        Assert.Equal((DenialCaseStatus.Recovered, 200m), (rows[1].Status, rows[1].RecoveredAmount));
        Assert.Equal((DenialCaseStatus.WrittenOff, 200m), (rows[2].Status, rows[2].RecoveredAmount));
        Assert.Equal((DenialCaseStatus.Recovered, 200m), (rows[3].Status, rows[3].RecoveredAmount));
        Assert.Equal((DenialCaseStatus.Open, 0m, "open"), (rows[4].Status, rows[4].RecoveredAmount, rows[4].WorkflowState));
        Assert.Equal(rows[4].Id, rows.Single(c => c.PayerClaimControlNumber == "PCN90000005").EarlierCaseId);
        Assert.All(rows.Where(c => c.PatientControlNumber is "ACCT-000021" or "ACCT-000022"), c => Assert.Equal(DenialCaseStatus.Recovered, c.Status));
        var triggers = await check.WorkflowTransitions.Select(t => t.Trigger).Distinct().ToListAsync(Ct);
        Assert.Superset(new HashSet<string> { "route", "paid", "partly_paid", "take_back" }, triggers.ToHashSet());
    }

    [Fact]
    public async Task SetBasedWrite_StatementsPerTransactionDoNotGrowWithTheCasesAnswered()
    {
        await ImportAsync(_set, perCase: false, "denials.835", [Era.Denials(1, 60)]);

        var ten = new CommandCounter();
        await ImportAsync(_set, perCase: false, "ten.835", [Era.Later(new DateOnly(2026, 4, 1), [.. Enumerable.Range(1, 10).Select(i => Era.Paid(i, 200m))])], ten);
        var forty = new CommandCounter();
        await ImportAsync(_set, perCase: false, "forty.835", [Era.Later(new DateOnly(2026, 4, 2), [.. Enumerable.Range(11, 40).Select(i => Era.Paid(i, 200m))])], forty);

        Assert.Equal(ten.Count, forty.Count);
        // One UPDATE … FROM of the cases, one INSERT … SELECT of their transitions; on SQLite also the copy of the rows before the
        // update, for its rollups (ADR 0159: the update runs without the per-row trigger; the copy after it and the rollups find
        // the rows by the keys copied before, and read no JSON).
        Assert.Equal(_set.Provider == DatabaseProvider.Sqlite ? 3 : 2, ten.Writes);
        await using var db = _set.Open();
        Assert.Equal(50, await db.DenialCases.CountAsync(c => c.Status == DenialCaseStatus.Recovered, Ct));
        Assert.Equal(100, await db.WorkflowTransitions.CountAsync(Ct)); // route + paid per case
    }

    [Fact]
    public async Task ACaseChangedMeanwhile_FailsTheWholeWriteAndNothingIsSaved()
    {
        if (_set.Provider != DatabaseProvider.Sqlite) return; // the interceptor's raw UPDATE is SQLite's
        await ImportAsync(_set, perCase: false, "denials.835", [Era.Denials(1, 5)]);
        await ImportAsync(_set, perCase: false, "later.835", [Era.Later(new DateOnly(2026, 4, 1), Era.Paid(1, 200m), Era.Paid(2, 200m))], handlers: false);
        await using var db = _set.Open();
        var remittanceId = await db.Remittances.MaxAsync(r => r.Id, Ct);
        var stale = new StaleStamp(await db.DenialCases.Where(c => c.PatientControlNumber == "ACCT-000002").Select(c => c.Id).SingleAsync(Ct));
        await using var racing = new AppealsDbContext(new DbContextOptionsBuilder<AppealsDbContext>()
            .UseSqlite(_set.ConnectionString).UsePhiProtector(TestDatabase.Phi).AddInterceptors(stale).Options);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() =>
            new EraOutcomes(racing, WorkflowDefinitions.Shipped, _time).RecordAsync(remittanceId, Ct));

        Assert.Equal(0, await db.WorkflowTransitions.CountAsync(Ct));
        Assert.Equal(0, await db.DenialCases.CountAsync(c => c.RecoveredAmount > 0, Ct));
    }

    private async Task<ImportSummary> ImportAsync(TestDatabase test, bool perCase, string name, IEnumerable<Remittance> remittances,
        CommandCounter? counter = null, bool handlers = true)
    {
        var path = Path.Combine(test.Folder, name);
        await using (var writer = new StreamWriter(path))
            new Remittance835Writer(writer).WriteInterchange(remittances);
        await using var db = counter is null ? test.Open() : Counted(test, counter);
        var importer = new RemittanceImporter(db, new DenialDetector(CarcCatalog.Shipped), _time, NullLogger<RemittanceImporter>.Instance,
            handlers
                ? [new EraOutcomeHandler(WorkflowDefinitions.Shipped, _time) { PerCase = perCase }, new TakeBackHandler(WorkflowDefinitions.Shipped, _time)]
                : [],
            [new NewCasePreparation(CarcCatalog.Shipped, Options.Create(new ModelsOptions { Path = test.Folder }), _time)]);
        var summary = await importer.ImportAsync([path], new ImportOptions(), ct: Ct);
        Assert.True(summary.Errors.Count == 0, string.Join("; ", summary.Errors.Select(e => e.Message)) + string.Join("; ", summary.Warnings));
        return summary;
    }

    private static AppealsDbContext Counted(TestDatabase test, CommandCounter counter) => test.Provider == DatabaseProvider.Sqlite
        ? new(new DbContextOptionsBuilder<AppealsDbContext>().UseSqlite(test.ConnectionString).UsePhiProtector(TestDatabase.Phi).AddInterceptors(counter).Options)
        : new(new DbContextOptionsBuilder<AppealsDbContext>().UseNpgsql(test.ConnectionString).UsePhiProtector(TestDatabase.Phi).AddInterceptors(counter).Options);

    private sealed record Dump(List<string> Cases, List<string> Transitions, List<string> Rollups, List<string> Audit, List<string> TakeBacks);

    /// <summary>Every stored column as the database holds it (type and value), but the random concurrency stamps and the audit chain's hashes.</summary>
    private static async Task<Dump> DumpAsync(TestDatabase test)
    {
        await using var db = test.Open();
        return new Dump(
            await RowsAsync(db, "DenialCases", "Id", "Version"),
            await RowsAsync(db, "WorkflowTransitions", "Id"),
            [.. await RowsAsync(db, "DenialDayRollups", "\"DenialDate\", \"PayerId\", \"Category\""),
                .. await RowsAsync(db, "DenialReasonDayRollups", "\"DenialDate\", \"PayerId\", \"Category\", \"PrimaryReason\"")],
            await RowsAsync(db, "AuditEntries", "Id", "Hash", "PreviousHash"),
            await RowsAsync(db, "TakeBacks", "Id"));
    }

    private static async Task<List<string>> RowsAsync(AppealsDbContext db, string table, string orderBy, params string[] without)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {(orderBy.Contains('"') ? orderBy : $"\"{orderBy}\"")}";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Where(i => !without.Contains(reader.GetName(i)))
                .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "null" : $"{reader.GetValue(i).GetType().Name}:{reader.GetValue(i)}")}")));
        return rows;
    }

    /// <summary>Counts what EF sends, and of it the writes (statements that are not queries).</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count;
        public int Writes;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        { Count++; return ValueTask.FromResult(result); }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        { Count++; return result; }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count++;
            if (command.CommandText.Contains("@rows", StringComparison.Ordinal)) Writes++;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        { Count++; return ValueTask.FromResult(result); }
    }

    /// <summary>Just before the cases are written, someone else saves one of them (a new stamp), as a user's move would.</summary>
    private sealed class StaleStamp(long caseId) : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.StartsWith("UPDATE \"DenialCases\"", StringComparison.Ordinal))
            {
                await using var other = command.Connection!.CreateCommand();
                other.Transaction = command.Transaction;
                other.CommandText = $"UPDATE \"DenialCases\" SET \"Version\" = '{Guid.NewGuid().ToString().ToUpperInvariant()}' WHERE \"Id\" = {caseId}";
                await other.ExecuteNonQueryAsync(cancellationToken);
            }
            return result;
        }
    }

    /// <summary>Synthetic remittances of one payer: claim n is ACCT-n, CLP07 PCNn, served 2026-01-15, charged 200.00.</summary>
    private static class Era
    {
        private static readonly DateOnly Served = new(2026, 1, 15);

        public static Remittance Denials(int first, int count, int zeroFrom = int.MaxValue) => Remittance("TRACE-DENIED", new DateOnly(2026, 2, 2),
            [.. Enumerable.Range(first, count).Select(n => Claim(n, n >= zeroFrom ? "0" : Number(n), paid: 0m, denied: true))]);

        public static Remittance Later(DateOnly paidOn, params ClaimPayment[] claims) => Remittance($"TRACE-{paidOn:MMdd}", paidOn, [.. claims]);

        public static ClaimPayment Paid(int n, decimal amount, string? number = null, int? original = null)
        {
            var claim = Claim(n, number ?? Number(n), paid: amount, denied: false);
            if (original is { } o) claim.OriginalReferenceNumber = Number(o);
            return claim;
        }

        public static ClaimPayment Redenied(int n)
        {
            var claim = Claim(n, $"PCN9{n:D7}", paid: 0m, denied: true);
            claim.OriginalReferenceNumber = Number(n);
            return claim;
        }

        public static Remittance TakeBack(DateOnly on, int n, decimal amount)
        {
            var remittance = Remittance($"TRACE-TB-{on:MMdd}", on, [Claim(999, Number(999), paid: 80m, denied: false)]);
            remittance.ProviderAdjustments = [new ProviderAdjustment
                { ProviderIdentifier = "1999999984", FiscalPeriodDate = new DateOnly(2026, 12, 31), ReasonCode = "WO", ReferenceId = Number(n), Amount = amount }];
            remittance.PaymentAmount = 80m - amount;
            return remittance;
        }

        private static string Number(int n) => $"PCN{n:D8}";

        private static ClaimPayment Claim(int n, string number, decimal paid, bool denied) => SyntheticEra.Claim(n, number, 200m, paid, Served,
            denied ? ("CO", "50", 200m - paid) : paid < 200m ? ("CO", "45", 200m - paid) : null);

        private static Remittance Remittance(string trace, DateOnly paid, List<ClaimPayment> claims) => SyntheticEra.Remittance(trace, paid, claims);
    }
}
