using Appeals.Core.Denials;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appeals.Core.Letters;

/// <summary>
/// One generated version of a case's letter (.docx), kept with its SHA-256 so that what was signed
/// off and sent can be proven later. A user signs a version off before the case can be submitted.
/// </summary>
public sealed class AppealLetter
{
    public long Id { get; set; }

    public long DenialCaseId { get; set; }
    public DenialCase? DenialCase { get; set; }

    /// <summary>The letter kind, e.g. "medical_necessity" (the template's name).</summary>
    public required string Kind { get; set; }
    /// <summary>The template version it was rendered from (0 = the shipped file).</summary>
    public int TemplateVersion { get; set; }
    public int AppealLevel { get; set; }
    /// <summary>1, 2, ... per case: each rendering is a new version, none is overwritten.</summary>
    public int VersionNumber { get; set; }

    public required byte[] Content { get; set; }
    /// <summary>Lowercase hex SHA-256 of <see cref="Content"/>.</summary>
    public required string Sha256 { get; set; }

    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? SignedOffBy { get; set; }
    public DateTimeOffset? SignedOffAt { get; set; }
}

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
