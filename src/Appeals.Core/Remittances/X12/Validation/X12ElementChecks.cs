using static Appeals.Core.Remittances.X12.X12SegmentIds;
using static Appeals.Core.Remittances.X12.Validation.X12CodeSets;

namespace Appeals.Core.Remittances.X12.Validation;

/// <summary>Where in the transaction an element check applies: the header (before the first CLP), a claim, a service line, anywhere.</summary>
internal enum Loop { Any, Header, Claim, Line }

internal enum CheckKind { Required, Code, MaxLength }

/// <summary>
/// One row of the element table: segment, element, what is checked and the rule it breaks. A code check
/// passes an empty element (that is the required check's business); <see cref="When"/> limits a row to
/// segments whose first element is that qualifier (N1*PE).
/// </summary>
internal sealed record ElementCheck(int Segment, int Element, CheckKind Kind, X12Rule Rule, Loop Where = Loop.Any,
    X12CodeSet? Codes = null, int MaxLength = 0, string When = "")
{
    internal byte[] WhenBytes { get; } = System.Text.Encoding.ASCII.GetBytes(When);
}

/// <summary>The element table of 005010X221A1 for the segments the importer reads (level 2 requirements and lengths, level 5 codes).</summary>
internal static class X12ElementChecks
{
    private static ElementCheck Required(int segment, int element, X12Rule rule, Loop where = Loop.Any, string when = "") =>
        new(segment, element, CheckKind.Required, rule, where, When: when);

    private static ElementCheck Code(int segment, int element, X12CodeSet codes, X12Rule? rule = null, Loop where = Loop.Any) =>
        new(segment, element, CheckKind.Code, rule ?? X12Rules.Qualifier, where, codes);

    private static ElementCheck Max(int segment, int element, int length) =>
        new(segment, element, CheckKind.MaxLength, X12Rules.Length, MaxLength: length);

    private static readonly ElementCheck[] Table =
    [
        Required(BPR, 1, X12Rules.PaymentElement), Code(BPR, 1, HandlingCodes), Code(BPR, 3, CreditDebit),
        Required(BPR, 4, X12Rules.PaymentElement), Code(BPR, 4, PaymentMethods), Required(BPR, 16, X12Rules.PaymentElement),

        Required(TRN, 1, X12Rules.TraceElement, Loop.Header), Code(TRN, 1, TraceTypes, where: Loop.Header),
        Required(TRN, 2, X12Rules.TraceElement, Loop.Header), Max(TRN, 2, 50), Required(TRN, 3, X12Rules.TraceElement, Loop.Header),

        Code(N1, 1, PartyQualifiers), Required(N1, 2, X12Rules.PartyElement, when: "PR"), Required(N1, 2, X12Rules.PartyElement, when: "PE"),
        Required(N1, 3, X12Rules.PartyElement, when: "PE"), Required(N1, 4, X12Rules.PartyElement, when: "PE"), Max(N1, 2, 60),

        Required(REF, 1, X12Rules.ElementRequired), Required(REF, 2, X12Rules.ElementRequired), Max(REF, 2, 50),
        Code(REF, 1, HeaderReferences, where: Loop.Header), Code(REF, 1, ClaimReferences, where: Loop.Claim), Code(REF, 1, LineReferences, where: Loop.Line),

        Required(DTM, 1, X12Rules.ElementRequired), Required(DTM, 2, X12Rules.ElementRequired),
        Code(DTM, 1, HeaderDates, where: Loop.Header), Code(DTM, 1, ClaimDates, where: Loop.Claim), Code(DTM, 1, LineDates, where: Loop.Line),

        Required(CLP, 1, X12Rules.ClaimId), Max(CLP, 1, 38), Required(CLP, 6, X12Rules.ClaimElement),
        Code(CLP, 6, FilingIndicators, X12Rules.FilingIndicator), Required(CLP, 7, X12Rules.ClaimElement), Max(CLP, 7, 50),

        Code(CAS, 1, GroupCodes, X12Rules.GroupCode), Required(CAS, 2, X12Rules.AdjustmentTriplet),
        Code(NM1, 1, ClaimEntities, where: Loop.Claim),
        Required(SVC, 1, X12Rules.Procedure),
        Required(AMT, 1, X12Rules.ElementRequired), Required(AMT, 2, X12Rules.ElementRequired),
        Code(AMT, 1, ClaimAmounts, where: Loop.Claim), Code(AMT, 1, LineAmounts, where: Loop.Line),
        Required(LQ, 1, X12Rules.ElementRequired), Code(LQ, 1, RemarkQualifiers), Max(LQ, 2, 30),
        Required(PLB, 1, X12Rules.ElementRequired), Required(PLB, 2, X12Rules.ElementRequired),
    ];

    // Rows by segment, then by loop (Any rows in every loop), so that a segment costs one switch and a loop over the rows that apply.
    private static readonly int[] Segments = [BPR, TRN, N1, REF, DTM, CLP, CAS, NM1, SVC, AMT, LQ, PLB];

    private static readonly ElementCheck[][][] Rows = Segments
        .Select(segment => Enum.GetValues<Loop>()
            .Select(loop => Table.Where(c => c.Segment == segment && (c.Where == Loop.Any || c.Where == loop)).ToArray())
            .ToArray())
        .ToArray();

    /// <summary>The rows that apply to segment <paramref name="id"/> in <paramref name="loop"/>; none for a segment the table does not know.</summary>
    internal static ElementCheck[] For(int id, Loop loop)
    {
        var index = id switch
        {
            BPR => 0,
            TRN => 1,
            N1 => 2,
            REF => 3,
            DTM => 4,
            CLP => 5,
            CAS => 6,
            NM1 => 7,
            SVC => 8,
            AMT => 9,
            LQ => 10,
            PLB => 11,
            _ => -1,
        };
        return index < 0 ? [] : Rows[index][(int)loop];
    }
}
