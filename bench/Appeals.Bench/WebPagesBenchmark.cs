using System.Diagnostics;
using System.Globalization;
using Appeals.Core.Audit;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Web.Queue;
using Appeals.Workflows.Letters;
using Appeals.Workflows.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Bench;

/// <summary>
/// `web-pages [--cases N] [--db FILE] [--runs R]`: the server-side data work of the queue's first page
/// (target p95 under 100 ms) and of a case page including its audit write (target p95 under 150 ms),
/// over N generated denial cases (default 1,000,000) in SQLite. View rendering is not included.
/// </summary>
internal sealed class WebPagesBenchmark : IBenchScenario
{
    public string Name => "web-pages";
    public string Description => "queue first page and case page data at N denial cases in SQLite (--cases, --runs)";

    public async Task<int> RunAsync(string[] args)
    {
        var cases = int.Parse(Option(args, "--cases") ?? "1000000", CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs") ?? "200", CultureInfo.InvariantCulture);
        var path = Option(args, "--db") ?? Path.Combine(Path.GetTempPath(), $"appeals-web-{cases}.db");
        var options = BenchDatabase.Options(path, args);
        if (!File.Exists(path))
        {
            var watch = Stopwatch.StartNew();
            await using var db = new SqliteAppealsDbContext(options);
            await AppealsDatabase.MigrateAsync(db); // migrated, not EnsureCreated: the real schema, with the rollup triggers the app has
            DashboardBenchmark.Generate(db, cases, 1, DateOnly.FromDateTime(DateTime.UtcNow));
            // Spread priorities as scoring would, so the queue's order is real work.
            await db.Database.ExecuteSqlRawAsync("UPDATE DenialCases SET Priority = abs(random() % 1000000) / 100.0");
            Console.WriteLine($"generated {cases:N0} cases in {watch.Elapsed.TotalSeconds:F0} s: {path}");
        }
        var time = TimeProvider.System;
        var ids = new List<long>();
        await using (var db = new AppealsDbContext(options))
            ids = await db.DenialCases.OrderBy(c => c.Id).Select(c => c.Id).Take(runs * 50).ToListAsync();
        var random = new Random(7);

        var queue = await TimeAsync(runs, options, db => new QueueQuery(db, CarcCatalog.Shipped, time).PageAsync(new QueueFilter(), "bench", default));
        // The case page's data as CasesController.ShowAsync reads it, each step timed on its own: where the time goes.
        var steps = new Dictionary<string, List<double>>();
        const string old = "letter needs (old: scan per view)";
        var letterSettings = new LetterSettings();
        await TimeAsync(runs, options, async db =>
        {
            var id = ids[random.Next(ids.Count)];
            var step = Stopwatch.StartNew();
            async Task<T> Step<T>(string name, Func<Task<T>> work)
            {
                step.Restart();
                var result = await work();
                if (!steps.TryGetValue(name, out var list)) steps[name] = list = [];
                list.Add(step.Elapsed.TotalMilliseconds);
                return result;
            }
            var denial = await Step("case, claim, lines (split)", () => db.DenialCases.AsNoTracking().Include(c => c.Payer)
                .Include(c => c.ClaimPayment!).ThenInclude(p => p.Remittance)
                .Include(c => c.ClaimPayment!).ThenInclude(p => p.ServiceLines)
                .Include(c => c.ClaimPayment!).ThenInclude(p => p.Adjustments)
                .Include(c => c.ClaimPayment!).ThenInclude(p => p.RemarkCodes)
                .AsSplitQuery().SingleAsync(c => c.Id == id));
            var key = id.ToString(CultureInfo.InvariantCulture);
            await Step("audit append (no queue)", () => new AuditLog(db, time).AppendAsync("bench", AuditActions.CaseView, nameof(DenialCase), key));
            var templates = new LetterTemplateStore(db, letterSettings.TemplatesPath, time);
            await Step(old, async () =>
            {
                if (!WorkflowRoutes.SendsLetter(WorkflowRoutes.Current(denial))) return 0;
                var template = await templates.CurrentAsync(LetterKinds.For(denial, denial.Payer?.PayerType ?? ""));
                using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(template.Content, writable: false), isEditable: false);
                return LetterPlaceholders.Scan(document).Names.Count;
            });
            await Step("letter needs", () => new CaseLetters(db, templates, letterSettings, time).NeedsAsync(denial, denial.Payer?.PayerType ?? ""));
            await Step("permitted moves", () => new CaseWorkflow(db, WorkflowDefinitions.Shipped, time).PermittedTriggersAsync(denial, new WorkflowActor("bench")));
            await Step("letters", () => db.AppealLetters.AsNoTracking().Where(l => l.DenialCaseId == id).OrderByDescending(l => l.VersionNumber)
                .Select(l => new { l.Id, l.VersionNumber, l.Kind, l.CreatedBy, l.CreatedAt, l.SignedOffBy, l.Sha256 }).ToListAsync());
            await Step("later cases", () => db.DenialCases.AsNoTracking().Where(o => o.EarlierCaseId == id).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync());
            await Step("transitions", () => db.WorkflowTransitions.AsNoTracking().Where(t => t.DenialCaseId == id).OrderBy(t => t.Id).ToListAsync());
            await Step("audit events", () => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(DenialCase) && e.EntityId == key).OrderBy(e => e.Id).ToListAsync());
            await Step("notes", () => db.CaseNotes.AsNoTracking().Where(n => n.DenialCaseId == id).OrderBy(n => n.Id).ToListAsync());
            return await Step("attachments", () => db.CaseAttachments.AsNoTracking().Where(a => a.DenialCaseId == id).OrderBy(a => a.Id).ToListAsync());
        });
        // One case viewed as often as 20 users view it in a 20 s load test: its page read every view's audit row before,
        // and reads only the others (and counts the views in the index) now.
        var hot = ids[^1];
        var hotKey = hot.ToString(CultureInfo.InvariantCulture);
        await using (var db = new AppealsDbContext(options))
        {
            var log = new AuditLog(db, time);
            for (var i = 0; i < 3000; i++) await log.AppendAsync("bench", AuditActions.CaseView, nameof(DenialCase), hotKey);
        }
        var allRows = await TimeAsync(runs, options, db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(DenialCase) && e.EntityId == hotKey).OrderBy(e => e.Id).ToListAsync());
        var counted = await TimeAsync(runs, options, async db =>
        {
            var others = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(DenialCase) && e.EntityId == hotKey && e.Action != AuditActions.CaseView)
                .OrderBy(e => e.Id).ToListAsync();
            return others.Count + await db.AuditEntries.CountAsync(e => e.EntityType == nameof(DenialCase) && e.EntityId == hotKey && e.Action == AuditActions.CaseView);
        });
        Report("queue first page", queue, 100);
        var pageTotal = Enumerable.Range(5, runs).Select(r => steps.Where(kv => kv.Key != old).Sum(kv => kv.Value[r])).ToList();
        Report("case page (sum of its steps)", pageTotal, 150);
        Console.WriteLine($"case page steps (\"{old}\" is how the page read its letter needs before; timed for comparison, not in the sum):");
        foreach (var (name, list) in steps) Report("  " + name, list.Skip(5).ToList(), 0);
        Console.WriteLine("audit rows of a case viewed 3,000 more times:");
        Report("  old: read every row", allRows, 0);
        Report("  now: other rows + view count", counted, 0);
        SqliteConnection.ClearAllPools();
        return 0;
    }

    private static async Task<List<double>> TimeAsync<T>(int runs, DbContextOptions options, Func<AppealsDbContext, Task<T>> work)
    {
        var times = new List<double>();
        for (var i = 0; i < runs + 5; i++)
        {
            await using var db = new AppealsDbContext(options);
            var watch = Stopwatch.StartNew();
            await work(db);
            if (i >= 5) times.Add(watch.Elapsed.TotalMilliseconds); // the first few warm up EF and the page cache
        }
        return times;
    }

    private static void Report(string what, List<double> ms, double target)
    {
        ms.Sort();
        double P(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        Console.WriteLine($"{what,-36} p50 {P(0.5),7:F1} ms  p95 {P(0.95),7:F1} ms  max {ms[^1],7:F1} ms{(target <= 0 ? "" : $"  (target p95 {target} ms){(P(0.95) <= target ? "" : "  OVER")}")}");
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
