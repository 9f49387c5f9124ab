using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class ServiceLineConfiguration : IEntityTypeConfiguration<ServiceLine>
{
    public void Configure(EntityTypeBuilder<ServiceLine> b)
    {
        b.HasKey(l => l.Id);
        b.Property(l => l.ProcedureQualifier).HasMaxLength(2).IsRequired();
        b.Property(l => l.ProcedureCode).HasMaxLength(48).IsRequired();
        b.Property(l => l.Modifiers).HasMaxLength(20).IsRequired();
        b.Property(l => l.ChargeAmount).HasPrecision(18, 2);
        b.Property(l => l.PaidAmount).HasPrecision(18, 2);
        b.Property(l => l.RevenueCode).HasMaxLength(48).IsRequired();
        b.Property(l => l.Units).HasPrecision(18, 2);
        b.Property(l => l.LineControlNumber).HasMaxLength(50).IsRequired();
        b.Property(l => l.AllowedAmount).HasPrecision(18, 2);
        // A line's adjustments also belong to its claim, which cascades; SQL Server refuses two cascade paths.
        b.HasMany<Adjustment>().WithOne(a => a.ServiceLine).HasForeignKey(a => a.ServiceLineId).OnDelete(DeleteBehavior.Restrict);
    }
}
