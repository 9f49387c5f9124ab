using System.Collections.Concurrent;
using Appeals.Core.Deadlines;
using Appeals.Workflows.Jobs;

namespace Appeals.Workflows.Tests.Jobs;

internal sealed class CountingNotifier : IDeadlineNotifier
{
    public ConcurrentQueue<(long CaseId, int DaysBefore)> Sent { get; } = new();

    public Task NotifyAsync(DeadlineReminder reminder, CancellationToken ct)
    {
        Sent.Enqueue((reminder.DenialCaseId, reminder.DaysBefore));
        return Task.CompletedTask;
    }
}
