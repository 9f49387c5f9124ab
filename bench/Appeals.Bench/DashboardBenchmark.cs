using System.Diagnostics;
using Appeals.Analytics;
using Appeals.Analytics.Charts;
using Appeals.Analytics.Kpis;
using Appeals.Bench.Dashboard;
using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Bench;

/// <summary>
/// `dashboard [--cases N] [--claims-per-case K] [--db FILE] [--charts-out DIR] [--log-sql]`: generates N denial
/// cases (default 1,000,000) straight into a SQLite file, then times each chart's data query
/// (target under 1 s) and the whole dashboard page's data (target under 3 s), unfiltered and with
/// date, payer and provider filters (a provider is finer than the rollups: read per case), and the payer scorecard's data.
/// </summary>
internal sealed class DashboardBenchmark : IBenchScenario
{
    public string Name => "dashboard";
    public string Description => "dashboard queries over N generated denial cases in SQLite (--cases, --charts-out)";

    public async Task<int> RunAsync(string[] args)
    {
        var cases = int.Parse(Option(args, "--cases") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture);
        var claimsPerCase = double.Parse(Option(args, "--claims-per-case") ?? "2", System.Globalization.CultureInfo.InvariantCulture);
        var path = Option(args, "--db") ?? Path.Combine(Path.GetTempPath(), $"appeals-dashboard-{cases}.db");
        var chartsOut = Option(args, "--charts-out");
        var options = BenchDatabase.Options(path, args);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var watch = Stopwatch.StartNew();
            await using (var db = new SqliteAppealsDbContext(options))
            {
                // Migrated, not EnsureCreated: the rollups' triggers come with the migrations and fire
                // for every generated row, so generation time includes keeping the rollups (ADR 0052).
                await AppealsDatabase.MigrateAsync(db);
                Generate(db, cases, claimsPerCase, today);
            }
            Console.WriteLine($"generated {cases:N0} denial cases in {watch.Elapsed.TotalSeconds:F1} s ({new FileInfo(path).Length / 1_048_576.0:F0} MB): {path}");
        }
        else Console.WriteLine($"reusing {path} (delete it to regenerate)");
        await using (var db = new SqliteAppealsDbContext(options))
            Console.WriteLine($"rollup rows: {await db.DenialDayRollups.CountAsync():N0} denial days, {await db.DenialReasonDayRollups.CountAsync():N0} reason days, "
                + $"{await db.ClaimRemittanceRollups.CountAsync():N0} remittances; {await db.DenialCases.CountAsync():N0} cases, {await db.ClaimPayments.CountAsync():N0} claims");

        var time = TimeProvider.System;
        var filter = AnalyticsFilter.None;
        // CPU is this process's processor time (SQLite runs in-process): on a shared, loaded machine it
        // says what the query costs when wall time says mostly how long it waited for a core.
        Console.WriteLine($"{"query",-32} {"first (ms)",10} {"second (ms)",11} {"second CPU (ms)",15}");
        foreach (var kind in Enum.GetValues<ChartKind>())
        {
            var (first, second, cpu) = await TwiceAsync(options, db => new ChartQueries(db, time).LoadAsync(kind, filter));
            Console.WriteLine($"{"chart " + ChartNames.Of(kind),-32} {first,10:F0} {second,11:F0} {cpu,15:F0}{Verdict(second, 1000)}");
        }
        var (kpiFirst, kpiSecond, kpiCpu) = await TwiceAsync(options, db => new KpiQueries(db, time).SummaryAsync(filter));
        Console.WriteLine($"{"kpi summary",-32} {kpiFirst,10:F0} {kpiSecond,11:F0} {kpiCpu,15:F0}{Verdict(kpiSecond, 1000)}");
        var lastYear = new AnalyticsFilter(From: today.AddYears(-1), To: today);
        // The payer scorecard page's data (issue 16, target under 1 s): rollups only (ADR 0115).
        foreach (var f in new[] { filter, lastYear })
        {
            var (cardFirst, cardSecond, cardCpu) = await TwiceAsync(options, db => new Analytics.Scorecards.PayerScorecardQueries(db).ForAsync(f));
            Console.WriteLine($"{"payer scorecard " + Describe(f),-32} {cardFirst,10:F0} {cardSecond,11:F0} {cardCpu,15:F0}{Verdict(cardSecond, 1000)}");
        }
        foreach (var f in new[] { filter, lastYear, lastYear with { PayerId = 1 }, lastYear with { ProviderId = "1000000007" } })
        {
            var (pageFirst, pageSecond, pageCpu) = await TwiceAsync(options, db => PageAsync(db, time, f));
            Console.WriteLine($"{"whole page " + Describe(f),-32} {pageFirst,10:F0} {pageSecond,11:F0} {pageCpu,15:F0}{Verdict(pageSecond, 3000)}");
        }

        if (chartsOut is not null)
        {
            Directory.CreateDirectory(chartsOut);
            await using var db = new SqliteAppealsDbContext(options);
            foreach (var kind in Enum.GetValues<ChartKind>())
                ChartRenderer.Save(await new ChartQueries(db, time).LoadAsync(kind, filter), Path.Combine(chartsOut, ChartNames.Of(kind) + ".png"));
            Console.WriteLine($"charts written to {chartsOut}");
        }
        SqliteConnection.ClearAllPools();
        return 0;
    }

    /// <summary>What the dashboard page asks for: the KPIs, every chart, and the filter form's payers and categories.</summary>
    private static async Task<int> PageAsync(AppealsDbContext db, TimeProvider time, AnalyticsFilter filter)
    {
        await new KpiQueries(db, time).SummaryAsync(filter);
        foreach (var kind in Enum.GetValues<ChartKind>()) await new ChartQueries(db, time).LoadAsync(kind, filter);
        await db.Payers.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync();
        await db.DenialDayRollups.Select(r => r.Category).Distinct().OrderBy(c => c).ToListAsync();
        return 0;
    }

    /// <summary>Runs the query twice (the first pays for EF's query compilation) and times both, with the CPU of the second.</summary>
    private static async Task<(double First, double Second, double SecondCpu)> TwiceAsync<T>(DbContextOptions options, Func<AppealsDbContext, Task<T>> query)
    {
        var ms = new double[2];
        double cpu = 0;
        for (var i = 0; i < 2; i++)
        {
            await using var db = new SqliteAppealsDbContext(options);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await query(db);
            ms[i] = watch.Elapsed.TotalMilliseconds;
            cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        }
        return (ms[0], ms[1], cpu);
    }

    internal static void Generate(AppealsDbContext db, int cases, double claimsPerCase, DateOnly today)
    {
        var generator = new DenialCaseGenerator(seed: 835, today);
        var random = new Random(42);
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            // temp_store=MEMORY as the importer sets it: the rollup triggers' statement journals stay off disk.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY;";
            pragma.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        var file = new ImportedFile { Id = 1, FileName = "generated.835", ContentHash = "generated", ImportedAt = DateTimeOffset.UtcNow };
        new SqliteBulkInsert<ImportedFile>(db, connection, transaction).Insert(file);
        var payers = new SqliteBulkInsert<Payer>(db, connection, transaction);
        for (var p = 0; p < DenialCaseGenerator.PayerNames.Length; p++)
            payers.Insert(new Payer { Id = p + 1, Identifier = $"PAYER{p + 1:D2}", Name = DenialCaseGenerator.PayerNames[p] });

        var remittances = new SqliteBulkInsert<Remittance>(db, connection, transaction);
        var claims = new SqliteBulkInsert<ClaimPayment>(db, connection, transaction);
        var denials = new SqliteBulkInsert<DenialCase>(db, connection, transaction);
        long claimId = 0, remittanceId = 0, caseId = 0;
        while (caseId < cases)
        {
            // A few payers send most of the money, as in practice.
            var payerId = 1 + (long)(DenialCaseGenerator.PayerNames.Length * Math.Pow(random.NextDouble(), 1.7));
            var paid = generator.RandomDate(730);
            remittances.Insert(new Remittance
            {
                Id = ++remittanceId,
                ImportedFileId = 1,
                PayerId = payerId,
                ContentHash = $"r{remittanceId}",
                TransactionControlNumber = $"{remittanceId:D9}",
                PaymentDate = paid,
                HandlingCode = "I",
            });
            for (var i = 0; i < 200 && caseId < cases; i++)
            {
                var claim = new ClaimPayment
                {
                    Id = ++claimId,
                    RemittanceId = remittanceId,
                    PatientControlNumber = $"PCN{claimId:D9}",
                    StatusCode = 1,
                    ChargeAmount = generator.Charge(),
                    RenderingProviderId = generator.Provider(),
                };
                claims.Insert(claim);
                if (random.NextDouble() * claimsPerCase < 1)
                {
                    var denial = generator.Case(claim, payerId, paid);
                    denial.Id = ++caseId;
                    denials.Insert(denial);
                }
            }
        }
        transaction.Commit();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        analyze.ExecuteNonQuery();
    }

    private static string Describe(AnalyticsFilter f) =>
        f.From is null ? "(all)" : f.PayerId is not null ? "(last year, 1 payer)" : f.ProviderId is not null ? "(last year, 1 provider)" : "(last year)";

    private static string Verdict(double ms, double target) => ms <= target ? "" : $"  over the {target / 1000:F0} s target";

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
