
namespace Appeals.Core.Letters;

/// <summary>
/// A letter template version uploaded by an admin. It replaces the shipped templates/letters file of
/// its kind once validated; older versions stay so that each letter names the version it came from.
/// </summary>
public sealed class LetterTemplate
{
    public long Id { get; set; }

    /// <summary>The letter kind, e.g. "medical_necessity".</summary>
    public required string Kind { get; set; }
    /// <summary>1, 2, ... per kind.</summary>
    public int Version { get; set; }

    public required byte[] Content { get; set; }
    /// <summary>Lowercase hex SHA-256 of <see cref="Content"/>.</summary>
    public required string Sha256 { get; set; }
    /// <summary>The placeholders found in it, comma-separated (all known fields: checked on upload).</summary>
    public string Placeholders { get; set; } = "";

    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
