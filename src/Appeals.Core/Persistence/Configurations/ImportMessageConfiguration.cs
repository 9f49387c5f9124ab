using Appeals.Core.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class ImportMessageConfiguration : IEntityTypeConfiguration<ImportMessage>
{
    public void Configure(EntityTypeBuilder<ImportMessage> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.Severity).HasConversion<string>().HasMaxLength(10).IsRequired();
        b.Property(m => m.SegmentId).HasMaxLength(8).IsRequired();
        b.Property(m => m.Field).HasMaxLength(16).IsRequired();
        b.Property(m => m.Message).HasMaxLength(1000).IsRequired();
    }
}
