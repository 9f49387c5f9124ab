using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class RemarkCodeConfiguration : IEntityTypeConfiguration<RemarkCode>
{
    public void Configure(EntityTypeBuilder<RemarkCode> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.Source).HasMaxLength(3).IsRequired();
        b.Property(m => m.Qualifier).HasMaxLength(3).IsRequired();
        b.Property(m => m.Code).HasMaxLength(30).IsRequired();
        // Same reason as Adjustment: the claim already cascades, so the line may not.
        b.HasOne(m => m.ServiceLine).WithMany().HasForeignKey(m => m.ServiceLineId).OnDelete(DeleteBehavior.Restrict);
    }
}
