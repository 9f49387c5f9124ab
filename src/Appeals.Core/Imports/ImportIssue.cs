namespace Appeals.Core.Imports;

/// <summary>A located problem found while reading a file: what, and exactly where.</summary>
/// <param name="File">The file name.</param>
/// <param name="Segment">1-based segment number in the file (0 for the file as a whole).</param>
/// <param name="Offset">0-based byte offset of the segment in the file.</param>
/// <param name="SegmentId">The segment id, e.g. "CLP"; empty when unknown.</param>
/// <param name="Field">The element, e.g. "CLP04"; empty when the whole segment is at fault.</param>
/// <param name="Message">What is wrong, in words a billing person understands.</param>
public sealed record ImportIssue(string File, long Segment, long Offset, string SegmentId, string Field, string Message)
{
    public override string ToString() =>
        $"{File}: segment {Segment} ({(SegmentId.Length > 0 ? SegmentId : "?")}{(Field.Length > 0 ? " " + Field : "")}) at byte {Offset}: {Message}";

    public ImportMessage ToMessage(ImportSeverity severity) => new()
    {
        Severity = severity,
        SegmentNumber = Segment,
        ByteOffset = Offset,
        SegmentId = SegmentId,
        Field = Field,
        Message = Message,
    };
}
