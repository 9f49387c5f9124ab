using Appeals.Core.Deadlines;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Jobs;

/// <summary>
/// The deadline jobs. Each takes a case id, reloads the case and re-checks its state, and is safe to
/// run twice (a reminder's unique key; marking missed is idempotent).
/// </summary>
public sealed class DeadlineJobs(AppealsDbContext db, IDeadlineNotifier notifier, TimeProvider time)
{
    /// <summary>Sends the reminder <paramref name="daysBefore"/> days before the case's deadline, once. Returns true when sent now.</summary>
    public async Task<bool> RemindAsync(long caseId, int daysBefore, CancellationToken ct)
    {
        var denial = await db.DenialCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        var today = Today();
        if (denial is not { AppealDeadline: { } deadline } || !AwaitsFiling(denial) || deadline < today)
            return false;
        if (await db.DeadlineReminders.AnyAsync(r => r.DenialCaseId == caseId && r.AppealLevel == denial.AppealLevel
                && r.Deadline == deadline && r.DaysBefore == daysBefore, ct))
            return false;

        var reminder = new DeadlineReminder
        {
            DenialCaseId = caseId, AppealLevel = denial.AppealLevel, Deadline = deadline, DaysBefore = daysBefore,
            Recipient = denial.AssignedTo, CreatedAt = time.GetUtcNow(),
        };
        db.DeadlineReminders.Add(reminder);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another run claimed the same key between our check and insert: it sends, we do not.
            db.ChangeTracker.Clear();
            return false;
        }
        await notifier.NotifyAsync(reminder, ct);
        reminder.SentAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Marks the case's deadline missed when it passed with nothing filed. Returns true when it marked it now.</summary>
    public async Task<bool> MarkMissedAsync(long caseId, CancellationToken ct)
    {
        var denial = await db.DenialCases.FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (denial is not { AppealDeadline: { } deadline, DeadlineMissed: false } || !AwaitsFiling(denial) || deadline >= Today())
            return false;
        denial.MarkDeadlineMissed();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run (this case's own job, or a sweep on another node) or a user changed the case first: whoever did
            // has the case as it is now, and the next sweep re-checks it.
            db.ChangeTracker.Clear();
            return false;
        }
        return true;
    }

    /// <summary>True while the case still needs something filed with the payer: open or in progress, not submitted or closed.</summary>
    internal static bool AwaitsFiling(DenialCase denial) =>
        denial.Status is DenialCaseStatus.Open or DenialCaseStatus.InProgress;

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
