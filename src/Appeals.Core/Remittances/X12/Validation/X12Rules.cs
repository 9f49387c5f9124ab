using System.Reflection;
using static Appeals.Core.Remittances.X12.Validation.RuleSeverity;
using static Appeals.Core.Remittances.X12.Validation.SnipLevel;

namespace Appeals.Core.Remittances.X12.Validation;

/// <summary>
/// The rule table: every check the importer makes against 005010X221A1, with its WEDI SNIP level and
/// whether it refuses the transaction or warns. Which refuse, and why, is ADR 0076: a finding refuses
/// only when posting the transaction would record money, or a meaning of money, that cannot be trusted.
/// </summary>
public static class X12Rules
{
    // Level 1: what the reader itself checks while it maps (separators, segment ids, numbers, SE/GE/IEA).
    public static readonly X12Rule ReadError = new("1.READ.ERROR", Syntax, Refuse, "", "", "A segment or value the reader cannot map: not a number, a segment out of place, a transaction with no SE.");
    public static readonly X12Rule ReadWarning = new("1.READ.WARNING", Syntax, Warn, "", "", "Read anyway: a wrong SE count, a date that does not exist, a broken SVC01 composite read in a known way.");
    public static readonly X12Rule Envelope = new("1.ENVELOPE", Syntax, Warn, "", "", "ISA/GS/GE/IEA counts and control numbers, segments outside a transaction.");
    public static readonly X12Rule Unreadable = new("1.FILE", Syntax, Refuse, "", "", "The file cannot be read as X12 at all.");

    // Level 2: requirements of the guide for the loops the importer uses.
    public static readonly X12Rule GuideVersion = new("2.VERSION", Requirements, Warn, "GS", "GS08", "The guide version is 005010X221A1; others (004010X091A1) are read with its rules.");
    public static readonly X12Rule PaymentRequired = new("2.BPR.REQUIRED", Requirements, Refuse, "BPR", "", "Every transaction has one BPR: the payment.");
    public static readonly X12Rule PaymentElement = new("2.BPR.ELEMENT", Requirements, Warn, "BPR", "", "BPR01, BPR04 and BPR16 are required.");
    public static readonly X12Rule TraceRequired = new("2.TRN.REQUIRED", Requirements, Warn, "TRN", "", "Every transaction has a TRN: the check or EFT trace number.");
    public static readonly X12Rule TraceElement = new("2.TRN.ELEMENT", Requirements, Warn, "TRN", "", "TRN01, TRN02 and TRN03 are required.");
    public static readonly X12Rule PayerRequired = new("2.N1.PAYER", Requirements, Warn, "N1", "N101", "Loop 1000A, N1*PR (the payer), is required.");
    public static readonly X12Rule PayeeRequired = new("2.N1.PAYEE", Requirements, Warn, "N1", "N101", "Loop 1000B, N1*PE (the payee), is required.");
    public static readonly X12Rule PartyElement = new("2.N1.ELEMENT", Requirements, Warn, "N1", "", "N102 is required for the payer; N102, N103 and N104 for the payee.");
    public static readonly X12Rule ClaimId = new("2.CLP.ID", Requirements, Refuse, "CLP", "CLP01", "CLP01, the patient control number, is required: without it the payment cannot be put on a claim.");
    public static readonly X12Rule ClaimElement = new("2.CLP.ELEMENT", Requirements, Warn, "CLP", "", "CLP06 (filing indicator) and CLP07 (payer claim control number) are required.");
    public static readonly X12Rule Procedure = new("2.SVC.COMPOSITE", Requirements, Refuse, "SVC", "SVC01", "SVC01 is a composite whose qualifier (SVC01-1) and procedure code (SVC01-2) are required.");
    public static readonly X12Rule AdjustmentTriplet = new("2.CAS.TRIPLET", Requirements, Warn, "CAS", "CAS02", "A CAS carries at least one reason/amount pair (CAS02, CAS03) and at most six.");
    public static readonly X12Rule Repeats = new("2.REPEAT", Requirements, Warn, "", "", "Repeat limits: 99 CAS a claim or line, 999 SVC a claim.");
    public static readonly X12Rule Length = new("2.LENGTH", Requirements, Warn, "", "", "An element longer than the guide allows.");
    public static readonly X12Rule DateExists = new("2.DTM.DATE", Requirements, Warn, "DTM", "DTM02", "DTM02 is a date that exists (CCYYMMDD).");
    public static readonly X12Rule ElementRequired = new("2.ELEMENT", Requirements, Warn, "", "", "A required element of DTM, REF, AMT, LQ or PLB is empty.");

    // Level 3: balancing, to the cent.
    public static readonly X12Rule PaymentBalance = new("3.BPR.BALANCE", Balancing, Warn, "BPR", "BPR02", "BPR02 equals the sum of CLP04 minus the sum of the PLB amounts.");
    public static readonly X12Rule ClaimBalance = new("3.CLP.BALANCE", Balancing, Warn, "CLP", "CLP04", "CLP03 minus every adjustment of the claim (claim and line level) equals CLP04.");
    public static readonly X12Rule LineBalance = new("3.SVC.BALANCE", Balancing, Warn, "SVC", "SVC03", "SVC02 minus the line's adjustments equals SVC03.");

    // Level 4: situational rules that matter for posting.
    public static readonly X12Rule ReversalSign = new("4.CLP.REVERSAL", Situational, Refuse, "CLP", "CLP04", "A reversal (CLP02=22) takes money back: CLP04 is zero or negative.");
    public static readonly X12Rule DeniedPaid = new("4.CLP.DENIED", Situational, Warn, "CLP", "CLP04", "A denied claim (CLP02=4) pays nothing.");
    public static readonly X12Rule NoLines = new("4.CLP.NO_LINES", Situational, Warn, "CLP", "", "A claim with no service lines carries its adjustments at claim level.");
    public static readonly X12Rule LineDate = new("4.SVC.DATE", Situational, Warn, "SVC", "", "A service line has its date (DTM*472, or 150/151) when its claim gives no service dates (DTM*232/233).");
    public static readonly X12Rule NonPayment = new("4.BPR.NON_PAYMENT", Situational, Warn, "BPR", "BPR02", "A notification only (BPR01=H) or a non-payment (BPR04=NON) moves no money.");

    // Level 5: code sets.
    public static readonly X12Rule ClaimStatus = new("5.CLP.STATUS", CodeSets, Refuse, "CLP", "CLP02", "CLP02 is a claim status code: it decides whether the claim pays, denies or reverses.");
    public static readonly X12Rule GroupCode = new("5.CAS.GROUP", CodeSets, Refuse, "CAS", "CAS01", "CAS01 is CO, OA, PI or PR: it decides who bears the adjustment.");
    public static readonly X12Rule RetiredGroupCode = new("5.CAS.GROUP_4010", CodeSets, Warn, "CAS", "CAS01", "CR (corrections and reversals) is a 004010 group code that 5010 retired: read, but not a denial group.");
    public static readonly X12Rule FilingIndicator = new("5.CLP.FILING", CodeSets, Warn, "CLP", "CLP06", "CLP06 is a claim filing indicator code.");
    public static readonly X12Rule Qualifier = new("5.QUALIFIER", CodeSets, Warn, "", "", "A qualifier or code the guide allows at that place (BPR, TRN, N1, NM1, REF, DTM, AMT, SVC01-1, LQ, PLB).");
    public static readonly X12Rule Carc = new("5.CAS.CARC", CodeSets, Warn, "CAS", "", "A CARC in the CARC map (unknown ones are not counted as denials).");
    public static readonly X12Rule Rarc = new("5.RARC", CodeSets, Warn, "", "", "A remark code (MIA, MOA, LQ*HE) in the RARC list.");

    /// <summary>Every rule, in level order.</summary>
    public static IReadOnlyList<X12Rule> All { get; } = typeof(X12Rules)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(X12Rule))
        .Select(f => (X12Rule)f.GetValue(null)!)
        .OrderBy(r => r.Level).ThenBy(r => r.Id, StringComparer.Ordinal)
        .ToList();
}
