using Appeals.Core.Imports;

namespace Appeals.Core.Remittances.X12.Validation;

/// <summary>A finding as reported by <c>appeals validate --json</c>, the import summary and the import page (camelCase in JSON).</summary>
/// <param name="File">The file name.</param>
/// <param name="Segment">1-based segment number in the file (0 for the file as a whole).</param>
/// <param name="Offset">0-based byte offset of the segment.</param>
/// <param name="SegmentId">The segment id, e.g. "CLP".</param>
/// <param name="Element">The element position, e.g. "CLP04"; empty for the whole segment.</param>
/// <param name="Rule">The rule id of <see cref="X12Rules"/>, e.g. "3.CLP.BALANCE".</param>
/// <param name="Level">The WEDI SNIP level, 1 to 5.</param>
/// <param name="Severity">"refuse" (the transaction is refused) or "warn".</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record ValidationFinding(string File, long Segment, long Offset, string SegmentId, string Element,
    string Rule, int Level, string Severity, string Message)
{
    public const string Refuse = "refuse";
    public const string Warn = "warn";

    [System.Text.Json.Serialization.JsonIgnore]
    public bool Refuses => Severity == Refuse;

    public static ValidationFinding From(X12Rule rule, ImportIssue issue) =>
        new(issue.File, issue.Segment, issue.Offset, issue.SegmentId, issue.Field, rule.Id, (int)rule.Level,
            rule.Severity == RuleSeverity.Refuse ? Refuse : Warn, issue.Message);

    public override string ToString() =>
        $"{File}: segment {Segment} ({(SegmentId.Length > 0 ? SegmentId : "?")}{(Element.Length > 0 ? " " + Element : "")}) at byte {Offset}: [{Rule}] {Message}";
}
