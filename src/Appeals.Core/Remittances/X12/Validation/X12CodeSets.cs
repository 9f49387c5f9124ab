using Appeals.Core.Denials;
using Appeals.Core.Reference;

namespace Appeals.Core.Remittances.X12.Validation;

/// <summary>
/// The code sets of 005010X221A1 that the rule table checks, by the loop they apply in. Where 004010
/// allowed a code that 5010 dropped, it stays out: such a value is warned, never refused, unless it
/// is a claim status or group code (ADR 0076).
/// </summary>
internal static class X12CodeSets
{
    internal static readonly X12CodeSet HandlingCodes = new("transaction handling codes (BPR01)", "C D H I P U X");
    internal static readonly X12CodeSet CreditDebit = new("credit/debit flags (BPR03)", "C D");
    internal static readonly X12CodeSet PaymentMethods = new("payment methods (BPR04)", "ACH BOP CHK FWT NON");
    internal static readonly X12CodeSet TraceTypes = new("trace type codes (TRN01)", "1");
    internal static readonly X12CodeSet PartyQualifiers = new("N1 entity codes of loops 1000A/1000B", "PR PE");
    internal static readonly X12CodeSet FilingIndicators = new("claim filing indicator codes",
        "11 12 13 14 15 16 17 AM BL CH CI DS FI HM LM MA MB MC OF TV VA WC ZZ");
    /// <summary>With CR, the 004010 group code for corrections and reversals that real 4010 files still carry: a 5.CAS.GROUP_4010 warning.</summary>
    internal static readonly X12CodeSet GroupCodes = new("claim adjustment group codes", "CO OA PI PR CR");
    internal static readonly X12CodeSet ClaimEntities = new("NM1 entity codes of loop 2100", "QC IL 74 82 TT PR GB");
    internal static readonly X12CodeSet ProcedureQualifiers = new("product/service id qualifiers (SVC01-1)", "AD ER HC HP IV N4 NU WK");
    internal static readonly X12CodeSet RemarkQualifiers = new("remark code list qualifiers (LQ01)", "HE RX");

    internal static readonly X12CodeSet HeaderDates = new("date qualifiers of the header", "405");
    internal static readonly X12CodeSet ClaimDates = new("date qualifiers of loop 2100", "036 050 232 233");
    internal static readonly X12CodeSet LineDates = new("date qualifiers of loop 2110", "150 151 472");

    internal static readonly X12CodeSet HeaderReferences = new("reference qualifiers of the header and loops 1000A/1000B",
        "EV F2 2U EO HI NF 0B D3 PQ TJ");
    internal static readonly X12CodeSet ClaimReferences = new("reference qualifiers of loop 2100",
        "1L 1W 28 6P 9A 9C BB CE EA F8 G1 G3 IG SY 0B 1A 1B 1C 1D 1G 1H 1J D3 G2 LU");
    internal static readonly X12CodeSet LineReferences = new("reference qualifiers of loop 2110",
        "1S APC BB E9 G1 G3 LU RB 6R 0K 0B 1A 1B 1C 1D 1G 1H 1J D3 G2 HPI SY TJ");

    internal static readonly X12CodeSet ClaimAmounts = new("amount qualifiers of loop 2100", "AU D8 DY F5 I NL T T2 ZK ZL ZM ZN ZO");
    internal static readonly X12CodeSet LineAmounts = new("amount qualifiers of loop 2110", "B6 KH T T2 ZK ZL ZM ZN ZO");

    internal static readonly X12CodeSet ProviderAdjustmentReasons = new("provider adjustment reason codes (PLB03-1)",
        "50 51 72 90 AH AM AP B2 B3 BD BN C5 CR CS CT CV CW DM E3 FB FC GO HM IP IR IS J1 L3 L6 LE LS OA OB PI PL RA RE SL TL WO WU");

    /// <summary>Claim status codes (CLP02), as numbers: "01" is read as 1 by the reader.</summary>
    internal static bool IsClaimStatus(int status) => status is 1 or 2 or 3 or 4 or 19 or 20 or 21 or 22 or 23 or 25;

    /// <summary>The CARCs of the shipped CARC map, with those X12 has deactivated apart.</summary>
    internal static readonly X12CodeSet Carcs = new("CARCs of the CARC map", CarcCatalog.Shipped.All.Select(c => c.Carc));
    internal static readonly X12CodeSet CurrentCarcs = new("current CARCs", CarcCatalog.Shipped.All.Where(c => c.Current).Select(c => c.Carc));

    internal static readonly X12CodeSet Rarcs = new("RARCs of the RARC list", ReferenceData.ReadRows(ReferenceData.RarcCodes).Select(r => r["rarc"]));
}
