using Appeals.Core.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class LetterTemplateConfiguration : IEntityTypeConfiguration<LetterTemplate>
{
    public void Configure(EntityTypeBuilder<LetterTemplate> builder)
    {
        builder.HasIndex(t => new { t.Kind, t.Version }).IsUnique();
        builder.Property(t => t.Kind).HasMaxLength(60);
        builder.Property(t => t.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(t => t.Placeholders).HasMaxLength(2000);
        builder.Property(t => t.UploadedBy).HasMaxLength(100);
    }
}
