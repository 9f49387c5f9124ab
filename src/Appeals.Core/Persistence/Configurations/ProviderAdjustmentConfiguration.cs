using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class ProviderAdjustmentConfiguration : IEntityTypeConfiguration<ProviderAdjustment>
{
    public void Configure(EntityTypeBuilder<ProviderAdjustment> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.ProviderIdentifier).HasMaxLength(50).IsRequired();
        b.Property(p => p.ReasonCode).HasMaxLength(2).IsRequired();
        b.Property(p => p.ReferenceId).HasMaxLength(50).IsRequired();
        b.Property(p => p.Amount).HasPrecision(18, 2);
    }
}
