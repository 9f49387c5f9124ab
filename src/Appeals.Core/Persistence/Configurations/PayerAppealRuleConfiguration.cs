using Appeals.Core.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class PayerAppealRuleConfiguration : IEntityTypeConfiguration<PayerAppealRule>
{
    public void Configure(EntityTypeBuilder<PayerAppealRule> builder)
    {
        builder.HasIndex(r => new { r.PayerId, r.Level }).IsUnique();
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.ClockStartsFrom).HasMaxLength(300);
        builder.Property(r => r.Citation).HasMaxLength(500);
        builder.Property(r => r.ChangedBy).HasMaxLength(100);
        builder.HasOne(r => r.Payer).WithMany().HasForeignKey(r => r.PayerId).OnDelete(DeleteBehavior.Cascade);
    }
}
