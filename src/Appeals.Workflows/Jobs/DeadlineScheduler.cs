using Appeals.Core.Denials;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows.Jobs;

/// <summary>
/// Schedules a case's reminders and its missed-deadline check as Hangfire jobs. Call it after a
/// deadline is planned (routing, escalation); the daily sweep covers any job that is lost.
/// </summary>
public sealed class DeadlineScheduler(IBackgroundJobClient jobs, IOptions<DeadlineOptions> options, TimeProvider time)
{
    /// <summary>Schedules what is still in the future; returns how many jobs it scheduled.</summary>
    public int Schedule(DenialCase denial)
    {
        if (denial.AppealDeadline is not { } deadline) return 0;
        var now = time.GetUtcNow();
        var scheduled = 0;
        foreach (var days in options.Value.Days.Distinct())
        {
            var at = At(deadline.AddDays(-days));
            if (at <= now) continue;
            var caseId = denial.Id;
            jobs.Schedule<DeadlineJobs>(j => j.RemindAsync(caseId, days, CancellationToken.None), at);
            scheduled++;
        }
        var id = denial.Id;
        jobs.Schedule<DeadlineJobs>(j => j.MarkMissedAsync(id, CancellationToken.None), At(deadline.AddDays(1)));
        return scheduled + 1;
    }

    // Early morning UTC, so that reminders are there when the day's work starts.
    private static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
}
