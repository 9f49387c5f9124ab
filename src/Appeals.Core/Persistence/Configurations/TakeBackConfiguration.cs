using Appeals.Core.TakeBacks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class TakeBackConfiguration : IEntityTypeConfiguration<TakeBack>
{
    public void Configure(EntityTypeBuilder<TakeBack> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.ReasonCode).HasMaxLength(2).IsRequired();
        b.Property(t => t.Reference).HasMaxLength(50).IsRequired();
        b.Property(t => t.Amount).HasPrecision(18, 2);
        b.Property(t => t.Link).HasMaxLength(32).IsRequired();
        // One take-back per PLB pair: a handler run twice adds nothing.
        b.HasIndex(t => t.ProviderAdjustmentId).IsUnique();
        b.HasIndex(t => t.DenialCaseId);
        b.HasIndex(t => t.ClaimPaymentId);
        // The payer scorecard sums take-backs per payer and month.
        b.HasIndex(t => new { t.PayerId, t.TakenOn });
        b.HasOne<Remittances.ProviderAdjustment>().WithMany().HasForeignKey(t => t.ProviderAdjustmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Remittances.Payer>().WithMany().HasForeignKey(t => t.PayerId).OnDelete(DeleteBehavior.Restrict);
    }
}
