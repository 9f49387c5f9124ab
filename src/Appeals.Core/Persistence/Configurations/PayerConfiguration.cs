using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class PayerConfiguration : IEntityTypeConfiguration<Payer>
{
    public void Configure(EntityTypeBuilder<Payer> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Identifier).HasMaxLength(80).IsRequired();
        b.Property(p => p.Name).HasMaxLength(60).IsRequired();
        b.Property(p => p.PayerType).HasMaxLength(32).IsRequired();
        b.HasIndex(p => p.Identifier).IsUnique();
    }
}
