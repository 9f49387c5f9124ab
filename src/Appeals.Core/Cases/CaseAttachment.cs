using Appeals.Core.Denials;

namespace Appeals.Core.Cases;

/// <summary>
/// A file attached to a case (medical records, a proof of submission, a payer's letter). The bytes
/// live on disk under the configured storage folder, never in the row: the row keeps what is needed
/// to find, serve and prove the file (its storage key, type, size and SHA-256) and who added it when.
/// </summary>
public sealed class CaseAttachment
{
    public long Id { get; set; }

    public long DenialCaseId { get; set; }
    public DenialCase? DenialCase { get; set; }

    /// <summary>The name the uploader's file had (no folder), for people only: never part of a path.</summary>
    public required string FileName { get; set; }
    /// <summary>The <see cref="AttachmentType.Name"/> its content was recognised as, e.g. "pdf".</summary>
    public required string FileType { get; set; }
    /// <summary>The media type it is served with, from the recognised type (never the browser's claim).</summary>
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    /// <summary>Lowercase hex SHA-256 of the stored bytes; checked again before every download.</summary>
    public required string Sha256 { get; set; }
    /// <summary>Where the bytes are, relative to the storage folder: made from a new GUID, never from the file name.</summary>
    public required string StorageKey { get; set; }

    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
