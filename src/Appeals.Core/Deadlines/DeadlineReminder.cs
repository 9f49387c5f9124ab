using Appeals.Core.Denials;

namespace Appeals.Core.Deadlines;

/// <summary>
/// A reminder that a case's deadline is near, sent once: the unique key (case, level, deadline, days
/// before) is what makes a job that runs twice, or a sweep after a lost job, send it only once.
/// </summary>
public sealed class DeadlineReminder
{
    public long Id { get; set; }

    public long DenialCaseId { get; set; }
    public DenialCase? DenialCase { get; set; }

    public int AppealLevel { get; set; }
    public DateOnly Deadline { get; set; }
    /// <summary>How many days before the deadline this reminder is for (14, 7, 2 by default).</summary>
    public int DaysBefore { get; set; }

    /// <summary>Who was reminded: the assignee, or empty for the unassigned queue.</summary>
    public string Recipient { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set once the notifier delivered it; null when delivery failed and the sweep should retry.</summary>
    public DateTimeOffset? SentAt { get; set; }
}
