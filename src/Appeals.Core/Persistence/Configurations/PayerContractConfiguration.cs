using Appeals.Core.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class PayerContractConfiguration : IEntityTypeConfiguration<PayerContract>
{
    public void Configure(EntityTypeBuilder<PayerContract> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.PayerIdentifier).HasMaxLength(80).IsRequired();
        b.Property(c => c.ProcedureCode).HasMaxLength(48).IsRequired();
        b.Property(c => c.Modifier).HasMaxLength(2).IsRequired();
        b.Property(c => c.AllowedAmount).HasPrecision(18, 2);
        b.Property(c => c.BaseSchedule).HasMaxLength(80).IsRequired().HasDefaultValue("");
        b.Property(c => c.PercentOfBase).HasPrecision(9, 3);
        // A payer's schedule is read whole by the underpayment check (one query per payer and import run), and one
        // rate per key and start date: the overlap check keeps the rest apart.
        b.HasIndex(c => new { c.PayerIdentifier, c.ProcedureCode, c.Modifier, c.EffectiveFrom }).IsUnique();
        b.Ignore(c => c.Key);
        b.Ignore(c => c.Terms);
    }
}
