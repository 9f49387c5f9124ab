using Appeals.Core.Deadlines;
using Microsoft.Extensions.Logging;

namespace Appeals.Workflows.Jobs;

/// <summary>Logs reminders (ids and dates only, never PHI). The queue shows them from the DeadlineReminder rows.</summary>
public sealed partial class LoggingDeadlineNotifier(ILogger<LoggingDeadlineNotifier> logger) : IDeadlineNotifier
{
    public Task NotifyAsync(DeadlineReminder reminder, CancellationToken ct)
    {
        Reminded(logger, reminder.DenialCaseId, reminder.Deadline, reminder.DaysBefore);
        return Task.CompletedTask;
    }

    [LoggerMessage(LogLevel.Information, "Deadline reminder for case {CaseId}: deadline {Deadline}, {DaysBefore} days before")]
    private static partial void Reminded(ILogger logger, long caseId, DateOnly deadline, int daysBefore);
}
