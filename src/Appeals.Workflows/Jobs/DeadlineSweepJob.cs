using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Workflows.Deadlines;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows.Jobs;

/// <summary>
/// The daily repair: whatever a lost or never-scheduled job missed — unplanned deadlines, due
/// reminders, passed deadlines — is done now. Safe to run any number of times.
/// </summary>
public sealed class DeadlineSweepJob(AppealsDbContext db, DeadlineJobs jobs, IOptions<DeadlineOptions> options, TimeProvider time)
{
    public sealed record Summary(int Planned, int Reminded, int Missed);

    // One sweep at a time across every node's job server: a schedule changed while the job servers run can trigger it twice,
    // and two sweeps at once would mark the same cases together (Hangfire's distributed lock, in the shared job storage).
    [DisableConcurrentExecution(timeoutInSeconds: 30 * 60)]
    public async Task<Summary> RunAsync(CancellationToken ct)
    {
        var planned = await PlanMissingAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var horizon = today.AddDays(options.Value.Days.DefaultIfEmpty(0).Max());
        var due = await db.DenialCases.AsNoTracking().AwaitingFiling()
            .Where(c => c.AppealDeadline != null && c.AppealDeadline <= horizon)
            .Select(c => new { c.Id, Deadline = c.AppealDeadline!.Value, c.DeadlineMissed })
            .ToListAsync(ct);
        int reminded = 0, missed = 0;
        foreach (var c in due)
        {
            if (c.Deadline < today)
            {
                if (!c.DeadlineMissed && await jobs.MarkMissedAsync(c.Id, ct)) missed++;
                db.ChangeTracker.Clear();
                continue;
            }
            // Only the nearest reminder still due is sent: a case found late gets one reminder, not three.
            var daysLeft = c.Deadline.DayNumber - today.DayNumber;
            var dueOffsets = options.Value.Days.Where(d => d >= daysLeft).ToList();
            if (dueOffsets.Count > 0 && await jobs.RemindAsync(c.Id, dueOffsets.Min(), ct)) reminded++;
            // The jobs share this scope's context: without this every save would scan every case marked so far, and a
            // backlog of a hundred thousand passed deadlines (a site's first sweep) would take hours, not minutes.
            db.ChangeTracker.Clear();
        }
        return new Summary(planned, reminded, missed);
    }

    private Task<int> PlanMissingAsync(CancellationToken ct) =>
        new CaseDeadlinePlanner(db, new AppealRuleBook(db)).PlanUnplannedAsync(limit: 5000, ct);
}
