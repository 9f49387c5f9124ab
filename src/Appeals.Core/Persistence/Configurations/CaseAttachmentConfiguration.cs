using Appeals.Core.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(255).IsRequired();
        builder.Property(a => a.FileType).HasMaxLength(10).IsUnicode(false).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsUnicode(false).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength().IsUnicode(false).IsRequired();
        builder.Property(a => a.StorageKey).HasMaxLength(100).IsUnicode(false).IsRequired();
        builder.Property(a => a.UploadedBy).HasMaxLength(100).IsRequired();
        builder.HasIndex(a => a.StorageKey).IsUnique();
        builder.HasIndex(a => a.DenialCaseId);
        builder.HasOne(a => a.DenialCase).WithMany().HasForeignKey(a => a.DenialCaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
