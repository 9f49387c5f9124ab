using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class ClaimPaymentConfiguration : IEntityTypeConfiguration<ClaimPayment>
{
    public void Configure(EntityTypeBuilder<ClaimPayment> b)
    {
        b.HasKey(c => c.Id);
        // Triggers keep the dashboard's claim rollup (ADR 0052); EF must know, so that SQL Server saves without OUTPUT.
        b.ToTable(t => t.HasTrigger(Rollups.RollupTriggers.TriggerName("ClaimPayments")));
        // X12 maxima: CLP01 38, CLP07 50, REF02 50, NM103 60, NM104 35, NM109 80.
        b.Property(c => c.PatientControlNumber).HasMaxLength(38).IsRequired();
        b.Property(c => c.ChargeAmount).HasPrecision(18, 2);
        b.Property(c => c.PaymentAmount).HasPrecision(18, 2);
        b.Property(c => c.PatientResponsibilityAmount).HasPrecision(18, 2);
        b.Property(c => c.ClaimFilingIndicator).HasMaxLength(2).IsRequired();
        b.Property(c => c.PayerClaimControlNumber).HasMaxLength(50).IsRequired();
        b.Property(c => c.FacilityTypeCode).HasMaxLength(2).IsRequired();
        b.Property(c => c.FrequencyCode).HasMaxLength(1).IsRequired();
        b.Property(c => c.OriginalReferenceNumber).HasMaxLength(50).IsRequired();
        // Names and member id are one encrypted column (Privacy/PhiColumns, ADR 0071): sized for the ciphertext,
        // never indexed or searched. The three properties are views of it.
        b.Property(c => c.Patient).HasColumnName("PatientIdentity").HasMaxLength(Privacy.PhiColumns.MaxLength).IsRequired();
        b.Ignore(c => c.PatientLastName);
        b.Ignore(c => c.PatientFirstName);
        b.Ignore(c => c.MemberId);
        b.Property(c => c.RenderingProviderId).HasMaxLength(80).IsRequired();

        // Later ERAs find the claim they answer by CLP07 (or the REF*F8 they carry, matched against CLP07),
        // else by CLP01 with the service dates. Every index here is paid for on each imported claim.
        b.HasIndex(c => c.PayerClaimControlNumber);
        b.HasIndex(c => c.OriginalReferenceNumber);
        b.HasIndex(c => new { c.PatientControlNumber, c.ServiceDateFrom });
        // The denial-rate denominator (ADR 0051): claims per remittance with what the dashboard sums and
        // filters, so a date or payer filter reads remittances, then this index, never the wide claim rows.
        b.HasIndex(c => new { c.RemittanceId, c.StatusCode, c.RenderingProviderId, c.ChargeAmount }).HasDatabaseName("IX_ClaimPayments_Dashboard");

        b.HasOne<ClaimPayment>().WithMany().HasForeignKey(c => c.ReversesClaimPaymentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.ServiceLines).WithOne(l => l.ClaimPayment).HasForeignKey(l => l.ClaimPaymentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Adjustments).WithOne(a => a.ClaimPayment).HasForeignKey(a => a.ClaimPaymentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.RemarkCodes).WithOne(m => m.ClaimPayment).HasForeignKey(m => m.ClaimPaymentId).OnDelete(DeleteBehavior.Cascade);
    }
}
