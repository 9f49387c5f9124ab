using System.Data.Common;
using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;
using Appeals.Workflows.Jobs;
using Appeals.Workflows.NewCases;
using Appeals.Workflows.Outcomes;
using Appeals.Workflows.Routing;
using Appeals.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows.Tests.Outcomes;

/// <summary>The import pipeline as every host runs it (cases prepared, outcomes recorded) at growing database sizes and on degenerate ids.</summary>
public sealed class ImportPipelineScaleTests : IDisposable
{
    private readonly TestDatabase _test = new();

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task Import_4NClaimsAfterN_DoesTheSameDatabaseRoundTripsPerTransaction()
    {
        var small = await RoundTripsPerTransactionAsync("small.835", Era.Transactions(first: 1, transactions: 5, claimsPerTransaction: 40));
        // Four times the claims, into a database that already holds the first file, in transactions twice as large.
        var large = await RoundTripsPerTransactionAsync("large.835", Era.Transactions(first: 1001, transactions: 10, claimsPerTransaction: 80));

        // The first transaction of a file also sets up the file (its record, the payer, the model): compare the rest.
        // Equal counts mean no query per claim or per case, and none that depends on what is already stored.
        Assert.Single(small.Skip(1).Distinct());
        Assert.Equal(small.Skip(1).Distinct(), large.Skip(1).Distinct());
        await using var db = _test.Open();
        Assert.Equal((5 * 40 + 10 * 80) / Era.DeniedEvery, await db.DenialCases.CountAsync(c => c.ScoredAt != null && c.DeadlineBasis != "", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("BATCH-77")]
    public async Task PayerClaimNumberSharedByEveryClaim_WarnsOnceAndMatchesTheCorrectedClaimByTheNextKey(string shared)
    {
        var denials = await ImportAsync("denials.835", Era.Transactions(first: 1, transactions: 3, claimsPerTransaction: 30, payerClaimNumber: shared));
        Assert.Single(denials.Warnings, w => w.Contains($"\"{shared}\"", StringComparison.Ordinal));

        // A later ERA pays the first denied claim: same CLP01, payer and service date, and the same useless CLP07.
        var paid = await ImportAsync("paid.835", [Era.Payment(claim: Era.DeniedEvery, payerClaimNumber: shared)]);

        Assert.Empty(paid.Errors);
        await using var db = _test.Open();
        var cases = await db.DenialCases.AsNoTracking().OrderBy(c => c.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(90 / Era.DeniedEvery, cases.Count);
        Assert.Equal((DenialCaseStatus.Recovered, Era.Charge), (cases[0].Status, cases[0].RecoveredAmount));
        Assert.All(cases.Skip(1), c => Assert.Equal((DenialCaseStatus.Open, 0m), (c.Status, c.RecoveredAmount)));
        Assert.All(cases, c => Assert.Null(c.EarlierCaseId));
    }

    [Fact]
    public async Task RemittanceReadFromTheDatabaseInChunks_RecordsWhatItsClaimsHeldRecord()
    {
        // Ten denied claims paid by one later ERA, and a CLP07 on four of its claims (too common to match by).
        var paying = Enumerable.Range(1, 10).Select(i => Era.Payment(claim: i * Era.DeniedEvery, payerClaimNumber: $"PCN{i * Era.DeniedEvery:D8}").Claims[0])
            .Concat(Enumerable.Range(1, 4).Select(i => Era.Payment(claim: 900 + i, payerClaimNumber: "SHARED-4").Claims[0])).ToList();
        var later = Era.Payment(claim: 1, payerClaimNumber: "x");
        later.Claims = paying;

        await ImportAsync("denials.835", Era.Transactions(first: 1, transactions: 2, claimsPerTransaction: 40));
        var held = await ImportAsync("paid.835", [later]);
        var byHandler = await OutcomesAsync();

        using var other = new TestDatabase();
        var warnings = new List<string>();
        await ImportAsync("denials.835", Era.Transactions(first: 1, transactions: 2, claimsPerTransaction: 40), database: other);
        await ImportAsync("paid.835", [later], database: other, handlers: false);
        await using (var db = other.Open())
        {
            var remittanceId = await db.Remittances.MaxAsync(r => r.Id, TestContext.Current.CancellationToken);
            await new EraOutcomes(db, WorkflowDefinitions.Shipped, TimeProvider.System) { ClaimsPerChunk = 3 }.RecordStoredAsync(remittanceId, warnings.Add, TestContext.Current.CancellationToken);
        }

        Assert.Equal(byHandler, await OutcomesAsync(other));
        Assert.Contains("10 recovered", byHandler);
        Assert.Equal(held.Warnings.Where(w => w.Contains("SHARED-4", StringComparison.Ordinal)), warnings);
    }

    [Fact]
    public async Task LaterEra_EveryQueryOnCasesOrClaims_SearchesAnIndexOfItsKeyAndNeverWalksAPayersRows()
    {
        // The later ERA pays denied claims under their own CLP01 and CLP07, so that matching looks up both keys; the first
        // import's queries are planned too (its new cases are screened for claims that name them by REF*F8, ADR 0144).
        var first = new CommandRecorder();
        await ImportAsync("denials.835", Era.Transactions(first: 1, transactions: 3, claimsPerTransaction: 40), first);
        Assert.Contains(first.Queries, q => q.Sql.Contains("\"OriginalReferenceNumber\" IN", StringComparison.Ordinal));
        // Every claim of that import is new and unique: matching and linking look nothing up for its cases.
        Assert.DoesNotContain(first.Queries, q => q.Sql.Contains("FROM \"DenialCases\"", StringComparison.Ordinal)
            && q.Sql.Contains("ControlNumber\" IN", StringComparison.Ordinal));
        var paying = Enumerable.Range(1, 6).Select(i => Era.Payment(claim: i * Era.DeniedEvery, payerClaimNumber: $"PCN{i * Era.DeniedEvery:D8}").Claims[0]).ToList();
        paying[0].OriginalReferenceNumber = "PCN99999999"; // a REF*F8 naming a number no claim carries: screened on its own
        var later = Era.Payment(claim: 1, payerClaimNumber: "x");
        later.Claims = paying;
        var recorder = new CommandRecorder();
        await ImportAsync("paid.835", [later], recorder);

        // SQLite has no statistics here (as in a user's database): asked for "PayerId = ? AND PatientControlNumber IN (…)"
        // it walked the payer's index, every case of the payer, per remittance (42 % of the later-ERA bench's page reads).
        var walks = new List<string>();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(_test.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var (sql, parameters) in first.Queries.Concat(recorder.Queries).Where(q => q.Sql.Contains("\"DenialCases\"", StringComparison.Ordinal) || q.Sql.Contains("\"ClaimPayments\"", StringComparison.Ordinal)))
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            await using var plan = await explain.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await plan.ReadAsync(TestContext.Current.CancellationToken))
            {
                var step = plan.GetString(3);
                var scan = step.StartsWith("SCAN ", StringComparison.Ordinal) && !step.Contains("VIRTUAL TABLE", StringComparison.Ordinal);
                if (scan || step.Contains("IX_DenialCases_PayerId", StringComparison.Ordinal)) walks.Add($"{step} in: {sql}");
            }
        }
        Assert.NotEmpty(recorder.Queries);
        Assert.Contains(recorder.Queries, q => q.Parameters.Any(p => p.Value is string v && v.Contains("PCN99999999", StringComparison.Ordinal)));
        Assert.Empty(walks);
        Assert.Contains("6 recovered", await OutcomesAsync());
    }

    private async Task<string> OutcomesAsync(TestDatabase? database = null)
    {
        await using var db = (database ?? _test).Open();
        var rows = await db.DenialCases.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Status, c.RecoveredAmount, c.WorkflowState }).ToListAsync(TestContext.Current.CancellationToken);
        var cases = rows.Select(c => $"{c.Id}:{c.Status.Code}:{c.RecoveredAmount}:{c.WorkflowState}").ToList();
        var transitions = await db.WorkflowTransitions.CountAsync(TestContext.Current.CancellationToken);
        return $"{cases.Count(c => c.Contains(":recovered:", StringComparison.Ordinal))} recovered, {transitions} transitions: {string.Join(" ", cases)}";
    }

    private async Task<List<int>> RoundTripsPerTransactionAsync(string name, IEnumerable<Remittance> transactions)
    {
        var counter = new CommandCounter();
        var perTransaction = new List<int>();
        var seen = 0;
        var progress = new SynchronousProgress(_ => { perTransaction.Add(counter.Count - seen); seen = counter.Count; });
        await ImportAsync(name, transactions, counter, progress);
        // The last report is the file's own (after its record is completed), not a transaction's.
        return perTransaction[..^1];
    }

    private async Task<ImportSummary> ImportAsync(string name, IEnumerable<Remittance> transactions, IInterceptor? counter = null,
        IProgress<ImportProgress>? progress = null, TestDatabase? database = null, bool handlers = true)
    {
        var test = database ?? _test;
        var path = Path.Combine(test.Folder, name);
        await using (var writer = new StreamWriter(path))
            new Remittance835Writer(writer).WriteInterchange(transactions);
        var options = new DbContextOptionsBuilder<AppealsDbContext>().UseSqlite(test.ConnectionString).UsePhiProtector(TestDatabase.Phi);
        if (counter is not null) options.AddInterceptors(counter);
        await using var db = new AppealsDbContext(options.Options);
        var time = TimeProvider.System;
        var importer = new RemittanceImporter(db, new DenialDetector(CarcCatalog.Shipped), time, NullLogger<RemittanceImporter>.Instance,
            handlers ? [new EraOutcomeHandler(WorkflowDefinitions.Shipped, time)] : [],
            [new NewCasePreparation(CarcCatalog.Shipped, Options.Create(new ModelsOptions { Path = test.Folder }), time)]);
        var summary = await importer.ImportAsync([path], new ImportOptions(), progress, TestContext.Current.CancellationToken);
        Assert.True(summary.Errors.Count == 0, string.Join("; ", summary.Errors.Select(e => e.Message)));
        return summary;
    }

    /// <summary>Counts the commands EF sends (queries and saves; the bulk writer's prepared inserts go round it).</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count;

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        { Count++; return result; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        { Count++; return ValueTask.FromResult(result); }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        { Count++; return ValueTask.FromResult(result); }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        { Count++; return ValueTask.FromResult(result); }
    }

    /// <summary>Keeps the text and parameter values of every query EF sends.</summary>
    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<(string Sql, List<(string Name, object? Value)> Parameters)> Queries { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Queries.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList()));
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>Reports on the importer's own thread, between transactions (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    /// <summary>Synthetic remittances of one payer: every claim's ids unique unless a shared CLP07 is given; every <see cref="DeniedEvery"/>th claim denied CO-50.</summary>
    private static class Era
    {
        public const int DeniedEvery = 5;
        public const decimal Charge = 200m;

        public static IEnumerable<Remittance> Transactions(int first, int transactions, int claimsPerTransaction, string? payerClaimNumber = null)
        {
            var claim = first;
            for (var t = 0; t < transactions; t++)
            {
                var claims = new List<ClaimPayment>();
                for (var i = 0; i < claimsPerTransaction; i++, claim++)
                {
                    var denied = claim % DeniedEvery == 0;
                    claims.Add(Claim(claim, payerClaimNumber, paid: denied ? 0m : Charge, denied ? ("CO", "50") : ("CO", "45"), denied ? Charge : 0m));
                }
                yield return Remittance($"TRACE-{first}-{t}", new DateOnly(2026, 2, 2), claims);
            }
        }

        public static Remittance Payment(int claim, string payerClaimNumber) =>
            Remittance("TRACE-PAID", new DateOnly(2026, 4, 1), [Claim(claim, payerClaimNumber, paid: Charge, ("CO", "45"), 0m)]);

        private static ClaimPayment Claim(int number, string? payerClaimNumber, decimal paid, (string Group, string Carc) adjustment, decimal adjusted) =>
            SyntheticEra.Claim(number, payerClaimNumber ?? $"PCN{number:D8}", Charge, paid, new DateOnly(2026, 1, 15),
                adjusted > 0 ? (adjustment.Group, adjustment.Carc, adjusted) : null);

        private static Remittance Remittance(string trace, DateOnly paid, List<ClaimPayment> claims) => SyntheticEra.Remittance(trace, paid, claims);
    }
}
