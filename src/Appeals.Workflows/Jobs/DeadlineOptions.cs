namespace Appeals.Workflows.Jobs;

/// <summary>Configuration section <c>Deadlines</c>.</summary>
public sealed class DeadlineOptions
{
    public static readonly IReadOnlyList<int> DefaultReminderDays = [14, 7, 2];

    /// <summary>
    /// Days before a deadline to remind (<c>Deadlines:ReminderDays</c>); empty means 14, 7 and 2. Empty by
    /// default because the configuration binder appends configured items to an array's initial ones.
    /// </summary>
    public int[] ReminderDays { get; set; } = [];

    /// <summary>The configured days, else the defaults.</summary>
    public IReadOnlyList<int> Days => ReminderDays.Length > 0 ? ReminderDays : DefaultReminderDays;
}

/// <summary>Delivers a deadline reminder (e-mail, chat...). The default logs it; the reminder row is what the app shows.</summary>
public interface IDeadlineNotifier
{
    Task NotifyAsync(Appeals.Core.Deadlines.DeadlineReminder reminder, CancellationToken ct);
}
