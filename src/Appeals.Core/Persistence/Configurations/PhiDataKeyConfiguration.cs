using Appeals.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Persistence.Configurations;

internal sealed class PhiDataKeyConfiguration : IEntityTypeConfiguration<PhiDataKey>
{
    public void Configure(EntityTypeBuilder<PhiDataKey> b)
    {
        b.ToTable("PhiDataKeys");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).ValueGeneratedNever();
        b.Property(k => k.ProtectedKey).HasMaxLength(512).IsRequired();
        b.Ignore(k => k.Key);
    }
}
