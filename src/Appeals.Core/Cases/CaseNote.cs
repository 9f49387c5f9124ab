using Appeals.Core.Denials;

namespace Appeals.Core.Cases;

/// <summary>
/// A note a specialist or manager wrote on a case: who, when, what. Notes are append-only (ADR 0072):
/// nothing edits or deletes one, so a correction is a new note and the case's history stays as it was read.
/// </summary>
public sealed class CaseNote
{
    public const int MaxTextLength = 4000;

    /// <summary>
    /// The column's room for <see cref="MaxTextLength"/> characters sealed (ADR 0089): up to 3 UTF-8 bytes each, the 45-byte
    /// envelope, as base64url text.
    /// </summary>
    public const int MaxStoredLength = (MaxTextLength * 3 + 45 + 2) / 3 * 4;

    public long Id { get; set; }

    public long DenialCaseId { get; set; }
    public DenialCase? DenialCase { get; set; }

    public required string Text { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
