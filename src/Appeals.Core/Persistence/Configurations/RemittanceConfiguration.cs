using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class RemittanceConfiguration : IEntityTypeConfiguration<Remittance>
{
    public void Configure(EntityTypeBuilder<Remittance> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.ContentHash).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        // Lengths are the X12 element maxima (ISA13 9, GS06 9, ST02 9, TRN02 50, N102 60, N104 80).
        b.Property(r => r.InterchangeControlNumber).HasMaxLength(9).IsRequired();
        b.Property(r => r.GroupControlNumber).HasMaxLength(9).IsRequired();
        b.Property(r => r.TransactionControlNumber).HasMaxLength(9).IsRequired();
        b.Property(r => r.HandlingCode).HasMaxLength(2).IsRequired();
        b.Property(r => r.PaymentAmount).HasPrecision(18, 2);
        b.Property(r => r.CreditDebitFlag).HasMaxLength(1).IsRequired();
        b.Property(r => r.PaymentMethod).HasMaxLength(3).IsRequired();
        b.Property(r => r.TraceNumber).HasMaxLength(50).IsRequired();
        b.Property(r => r.PayeeName).HasMaxLength(60).IsRequired();
        b.Property(r => r.PayeeIdentifier).HasMaxLength(80).IsRequired();
        b.HasIndex(r => r.ContentHash).IsUnique();
        b.HasIndex(r => r.TraceNumber);
        b.HasOne(r => r.ImportedFile).WithMany().HasForeignKey(r => r.ImportedFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Payer).WithMany().HasForeignKey(r => r.PayerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Claims).WithOne(c => c.Remittance).HasForeignKey(c => c.RemittanceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.ProviderAdjustments).WithOne(p => p.Remittance).HasForeignKey(p => p.RemittanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
