using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Deadlines;

/// <summary>
/// Re-plans every open case of one payer after its rules changed. The daily sweep only plans cases that have
/// no deadline yet, so a changed rule would otherwise never reach the cases already planned under the old one.
/// </summary>
public sealed class PayerDeadlineReplanning(AppealsDbContext db, TimeProvider time)
{
    private const int BatchSize = 500;

    /// <summary>Plans each open case of the payer again with today's rules and saves, in batches. Returns how many it re-planned.</summary>
    public async Task<int> ReplanOpenCasesAsync(long payerId, CancellationToken ct = default)
    {
        var planner = new CaseDeadlinePlanner(db, new AppealRuleBook(db));
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        long after = 0;
        var replanned = 0;
        for (var attempt = 1; ;)
        {
            var batch = await db.DenialCases.AwaitingFiling().Include(c => c.Payer)
                .Where(c => c.PayerId == payerId && c.Id > after)
                .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) return replanned;
            foreach (var denial in batch)
            {
                await planner.PlanAsync(denial, ct);
                // A longer window set by the admin can give back a deadline the old rule had already passed;
                // a shorter one is marked missed by the next sweep, which re-checks every date.
                if (denial.AppealDeadline >= today) denial.ClearDeadlineMissed();
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // Someone saved one of these cases meanwhile: reload the batch and plan it again.
                db.ChangeTracker.Clear();
                attempt++;
                continue;
            }
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
            replanned += batch.Count;
            attempt = 1;
        }
    }
}
