using Appeals.Core.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class DeadlineReminderConfiguration : IEntityTypeConfiguration<DeadlineReminder>
{
    public void Configure(EntityTypeBuilder<DeadlineReminder> builder)
    {
        builder.HasIndex(r => new { r.DenialCaseId, r.AppealLevel, r.Deadline, r.DaysBefore }).IsUnique();
        builder.Property(r => r.Recipient).HasMaxLength(256);
        builder.HasOne(r => r.DenialCase).WithMany().HasForeignKey(r => r.DenialCaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
