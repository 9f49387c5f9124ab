using Appeals.Core.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class HistoricalDenialConfiguration : IEntityTypeConfiguration<HistoricalDenial>
{
    public void Configure(EntityTypeBuilder<HistoricalDenial> b)
    {
        b.ToTable("HistoricalDenials");
        // The CSV's denial id is the natural key: importing the same file twice adds nothing.
        b.HasIndex(x => x.DenialId).IsUnique();
        b.HasIndex(x => x.RemitDate);
        b.Property(x => x.DenialId).HasMaxLength(64);
        b.Property(x => x.PayerIdentifier).HasMaxLength(80);
        b.Property(x => x.PayerType).HasMaxLength(32);
        b.Property(x => x.GroupCode).HasMaxLength(2);
        b.Property(x => x.Carc).HasMaxLength(8);
        b.Property(x => x.Rarcs).HasMaxLength(200);
        b.Property(x => x.ProcedureCode).HasMaxLength(16);
        b.Property(x => x.ProviderId).HasMaxLength(32);
        b.Property(x => x.PlaceOfService).HasMaxLength(4);
        b.Property(x => x.BilledAmount).HasPrecision(18, 2);
        b.Property(x => x.DeniedAmount).HasPrecision(18, 2);
        b.Property(x => x.RecoveredAmount).HasPrecision(18, 2);
    }
}
