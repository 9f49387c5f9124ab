using Appeals.Core.Denials;

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
