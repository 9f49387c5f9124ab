using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.ML.History;
using Microsoft.EntityFrameworkCore;

namespace Appeals.ML.Scoring;

/// <summary>
/// Rescores every open denial case in batches: probability, expected recovery, reasons, source, priority. A score reads
/// the case's deadline (for the priority) and never writes one: deadlines are the workflow's (Appeals.Workflows plans
/// them). Safe to run twice.
/// </summary>
public sealed class CaseRescorer(AppealsDbContext db, IRecoveryScorer scorer, TimeProvider time)
{
    public const int BatchSize = 2000;

    /// <summary>Scores every open case (the nightly job, through Workflows' MlCaseRescoring, which plans unplanned deadlines first).</summary>
    public async Task<int> RescoreOpenCasesAsync(CancellationToken ct = default)
    {
        var closed = DenialCaseStatus.All.Where(s => s.IsClosed).ToList();
        var now = time.GetUtcNow();
        long after = 0;
        var total = 0;
        while (true)
        {
            var cases = await db.DenialCases.Include(c => c.Payer)
                .Where(c => c.Id > after && !closed.Contains(c.Status))
                .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(ct);
            if (cases.Count == 0) return total;
            var remarks = await DatabaseHistory.RemarksAsync(db, cases.Select(c => c.ClaimPaymentId).ToList(), ct);
            Score(scorer, cases, remarks, now);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            after = cases[^1].Id;
            total += cases.Count;
        }
    }

    /// <summary>
    /// Scores cases in memory: probability, expected recovery, reasons, source, and priority from the case's deadline
    /// (none: no deadline raises it). The import scores the cases of each remittance this way before storing them; the
    /// cases' <see cref="DenialCase.Payer"/> must be set.
    /// </summary>
    public static void Score(IRecoveryScorer scorer, IReadOnlyList<DenialCase> cases, IReadOnlyDictionary<long, string[]> remarksByClaim,
        DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var rows = cases.Select(c => DatabaseHistory.FromCase(c, remarksByClaim)).ToList();
        var scores = scorer.Score(rows);
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            c.ApplyScore(scores[i].Probability, scores[i].ExpectedRecovery, scores[i].Explanation, scores[i].Source, now,
                PriorityRule.Priority(scores[i].ExpectedRecovery, c.AppealDeadline, today));
        }
    }
}
