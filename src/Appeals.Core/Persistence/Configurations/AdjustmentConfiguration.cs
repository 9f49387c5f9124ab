using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class AdjustmentConfiguration : IEntityTypeConfiguration<Adjustment>
{
    public void Configure(EntityTypeBuilder<Adjustment> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.GroupCode).HasMaxLength(2).IsRequired();
        b.Property(a => a.Carc).HasMaxLength(5).IsRequired();
        b.Property(a => a.Amount).HasPrecision(18, 2);
        b.Property(a => a.Quantity).HasPrecision(18, 2);
        b.Property(a => a.Category).HasMaxLength(64).IsRequired();
        b.Ignore(a => a.Level);
        // No index on Carc: reports group over the whole table anyway, and each index costs the bulk import.
    }
}
