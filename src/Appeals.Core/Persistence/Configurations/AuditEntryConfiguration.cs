using Appeals.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.UserName).HasMaxLength(256).IsRequired();
        b.Property(e => e.Action).HasMaxLength(64).IsRequired();
        b.Property(e => e.EntityType).HasMaxLength(64).IsRequired();
        b.Property(e => e.EntityId).HasMaxLength(64).IsRequired();
        b.Property(e => e.Reason).HasMaxLength(1000).IsRequired();
        b.Property(e => e.Details).HasMaxLength(2000).IsRequired();
        b.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength().IsRequired();
        b.Property(e => e.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
        // Two rows can never follow the same row: a concurrent append from another process is refused, not forked.
        b.HasIndex(e => e.PreviousHash).IsUnique();
        b.HasIndex(e => e.At);
        // A record's rows, and with the action in the key its views are counted in the index and its other rows read
        // without the views: a case viewed thousands of times reads a handful of rows for its page (issue 13).
        b.HasIndex(e => new { e.EntityType, e.EntityId, e.Action });
    }
}
