using System.Diagnostics;
using Appeals.Core.Audit;
using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Appeals.Core.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Core.Tests.Audit;

/// <summary>
/// In-process micro-benchmark for ADR 0086 (explicit: run with --filter-class and --explicit on; the figures are appended to appeals-audit-append-bench.txt in the temp folder): 20 concurrent callers,
/// each appending 50 view rows from its own context, first one at a time under the lock, then through the group-commit queue.
/// Only the ratio within one run means anything on a shared machine.
/// </summary>
public sealed class AuditAppendBenchmarkTests
{
    private const int Callers = 20, RowsEach = 50;

    [Fact(Explicit = true)]
    public async Task ConcurrentViews_DirectThenGroupCommit_PrintsTheTimes()
    {
        await using var database = await TestDatabase.CreateAsync();
        var keyRing = PhiKeyRing.Open(database.PathFor("keys"));
        AppealsDbContext Open() => AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, database.ConnectionString, keyRing);
        await using var services = new ServiceCollection().AddScoped(_ => Open()).AddSingleton(TimeProvider.System)
            .AddSingleton<AuditAppendQueue>().BuildServiceProvider();
        var queue = services.GetRequiredService<AuditAppendQueue>();

        var direct = await TimeAsync(Open, null);
        var grouped = await TimeAsync(Open, queue);

        // The test runner hides a passing test's output: the figures go to a file beside the temp databases.
        await File.AppendAllTextAsync(Path.Combine(Path.GetTempPath(), "appeals-audit-append-bench.txt"),
            $"{DateTimeOffset.UtcNow:u} {Callers} callers x {RowsEach} rows: direct {direct.TotalMilliseconds:F0} ms, group commit {grouped.TotalMilliseconds:F0} ms, ratio {direct / grouped:F1}\n",
            TestContext.Current.CancellationToken);
        await using var check = Open();
        Assert.True((await new AuditLog(check, TimeProvider.System).VerifyAsync(TestContext.Current.CancellationToken)).Intact);
    }

    private static async Task<TimeSpan> TimeAsync(Func<AppealsDbContext> open, AuditAppendQueue? queue)
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < RowsEach; i++)
            {
                await using var db = open();
                await new AuditLog(db, TimeProvider.System, queue).AppendAsync("specialist", AuditActions.CaseView, "DenialCase", $"{c}-{i}", ct: TestContext.Current.CancellationToken);
            }
        })));
        return watch.Elapsed;
    }
}
