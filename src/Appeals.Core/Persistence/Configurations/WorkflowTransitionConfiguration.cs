using Appeals.Core.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class WorkflowTransitionConfiguration : IEntityTypeConfiguration<WorkflowTransition>
{
    public void Configure(EntityTypeBuilder<WorkflowTransition> builder)
    {
        builder.HasIndex(t => new { t.DenialCaseId, t.OccurredAt });
        builder.Property(t => t.Route).HasMaxLength(50);
        builder.Property(t => t.FromState).HasMaxLength(50);
        builder.Property(t => t.ToState).HasMaxLength(50);
        builder.Property(t => t.Trigger).HasMaxLength(50);
        builder.Property(t => t.Actor).HasMaxLength(100);
        builder.Property(t => t.Reason).HasMaxLength(2000);
        builder.HasOne(t => t.DenialCase).WithMany().HasForeignKey(t => t.DenialCaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
