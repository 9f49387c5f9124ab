using Appeals.Core.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(CaseNote.MaxStoredLength).IsRequired(); // sealed: Privacy/PhiColumns
        builder.Property(n => n.CreatedBy).HasMaxLength(100).IsRequired();
        builder.HasIndex(n => n.DenialCaseId);
        builder.HasOne(n => n.DenialCase).WithMany().HasForeignKey(n => n.DenialCaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
