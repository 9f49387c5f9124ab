using Appeals.Core.Denials;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

internal sealed class DeadlineReminderConfiguration : IEntityTypeConfiguration<DeadlineReminder>
{
    public void Configure(EntityTypeBuilder<DeadlineReminder> builder)
    {
        builder.HasIndex(r => new { r.DenialCaseId, r.AppealLevel, r.Deadline, r.DaysBefore }).IsUnique();
        builder.Property(r => r.Recipient).HasMaxLength(256);
        builder.HasOne(r => r.DenialCase).WithMany().HasForeignKey(r => r.DenialCaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
