using Appeals.Core.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class ImportedFileConfiguration : IEntityTypeConfiguration<ImportedFile>
{
    public void Configure(EntityTypeBuilder<ImportedFile> b)
    {
        b.HasKey(f => f.Id);
        b.Property(f => f.FileName).HasMaxLength(260).IsRequired();
        b.Property(f => f.ContentHash).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        // Stored as words so that someone reading the table needs no enum to decode it.
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(20).IsRequired();
        b.HasIndex(f => f.ContentHash).IsUnique();
        b.HasIndex(f => f.ImportedAt);
        b.HasMany(f => f.Messages).WithOne(m => m.ImportedFile).HasForeignKey(m => m.ImportedFileId).OnDelete(DeleteBehavior.Cascade);
    }
}
