using Appeals.Core.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.UserName).HasMaxLength(100).IsRequired();
        builder.Property(b => b.FileNames).IsRequired();
        builder.Property(b => b.UploadFolder).HasMaxLength(500).IsRequired();
        builder.Property(b => b.State).HasMaxLength(20).IsUnicode(false).IsRequired();
        builder.Property(b => b.Failure).HasMaxLength(1000);
        // Stored as a number so that SQLite can order by it (it cannot order DateTimeOffset text); the newest uploads list first.
        builder.Property(b => b.CreatedAt).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
        builder.HasIndex(b => b.CreatedAt);
        builder.Ignore(b => b.Percent);
        builder.Ignore(b => b.Names);
        // The runner looks for unfinished batches at start.
        builder.HasIndex(b => b.State);
    }
}
