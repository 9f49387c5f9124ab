using Appeals.Core.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class AppealLetterConfiguration : IEntityTypeConfiguration<AppealLetter>
{
    public void Configure(EntityTypeBuilder<AppealLetter> builder)
    {
        builder.HasIndex(l => new { l.DenialCaseId, l.VersionNumber }).IsUnique();
        builder.Property(l => l.Kind).HasMaxLength(60);
        builder.Property(l => l.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(l => l.CreatedBy).HasMaxLength(100);
        builder.Property(l => l.SignedOffBy).HasMaxLength(100);
        builder.HasOne(l => l.DenialCase).WithMany().HasForeignKey(l => l.DenialCaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
