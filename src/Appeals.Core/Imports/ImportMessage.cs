namespace Appeals.Core.Imports;

/// <summary>A warning or error about an imported file, located by segment number and byte offset.</summary>
public sealed class ImportMessage
{
    public long Id { get; set; }

    public long ImportedFileId { get; set; }
    public ImportedFile? ImportedFile { get; set; }

    public ImportSeverity Severity { get; set; }
    /// <summary>1-based number of the segment in the file (0 when the problem is the file as a whole).</summary>
    public long SegmentNumber { get; set; }
    /// <summary>0-based byte offset of the segment's start in the file.</summary>
    public long ByteOffset { get; set; }
    /// <summary>The segment id (e.g. CLP), empty when unknown.</summary>
    public string SegmentId { get; set; } = "";
    /// <summary>The element position (e.g. CLP04), empty when the whole segment is at fault.</summary>
    public string Field { get; set; } = "";
    public required string Message { get; set; }
}

public enum ImportSeverity
{
    Warning,
    Error,
}
