namespace Appeals.Workflows.Jobs;

/// <summary>Configuration section <c>Deadlines</c>.</summary>
public sealed class DeadlineOptions
{
    /// <summary>Days before a deadline to remind (<c>Deadlines:ReminderDays</c>).</summary>
    public int[] ReminderDays { get; set; } = [14, 7, 2];
}

/// <summary>Delivers a deadline reminder (e-mail, chat...). The default logs it; the reminder row is what the app shows.</summary>
public interface IDeadlineNotifier
{
    Task NotifyAsync(Appeals.Core.Deadlines.DeadlineReminder reminder, CancellationToken ct);
}
