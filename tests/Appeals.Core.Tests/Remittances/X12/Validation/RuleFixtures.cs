using System.Text;
using Appeals.Core.Remittances.X12.Validation;

namespace Appeals.Core.Tests.Remittances.X12.Validation;

/// <summary>
/// One small 835 that breaks no rule, and per rule one edit of it that breaks that rule: the passing and
/// the failing fixture of each rule. <see cref="Located"/> is the text of the segment the finding must point at.
/// </summary>
internal static class RuleFixtures
{
    internal const string Valid =
        "ST*835*0001*005010X221A1~" +
        "BPR*I*170*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20260110~" +
        "TRN*1*TRACE1*1512345678~" +
        "DTM*405*20260105~" +
        "N1*PR*DEMO PLAN~" +
        "REF*2U*PAYER01~" +
        "N1*PE*DEMO CLINIC*XX*1999999999~" +
        "LX*1~" +
        "CLP*PCN1*1*200*170*10*12*PCC1~" +
        "NM1*QC*1*PATIENT*TEST****MI*M01~" +
        "DTM*232*20251201~" +
        "SVC*HC:99213*200*170~" +
        "DTM*472*20251201~" +
        "CAS*CO*45*20~" +
        "CAS*PR*1*10~" +
        "AMT*B6*180~" +
        "LQ*HE*N130~" +
        "SE*18*0001~";

    /// <summary>A rule id, how to break it, and the segment (as edited) the finding is located at.</summary>
    internal sealed record Case(string Rule, string Find, string Replace, string Located)
    {
        public string Text => Valid.Replace(Find, Replace, StringComparison.Ordinal);
        public override string ToString() => Rule;
    }

    private const string Line = "SVC*HC:99213*200*170~DTM*472*20251201~CAS*CO*45*20~CAS*PR*1*10~AMT*B6*180~LQ*HE*N130~";

    internal static readonly Case[] Cases =
    [
        new("1.READ.ERROR", "CLP*PCN1*1*200*170*", "CLP*PCN1*1*200*1O*", "CLP*PCN1"),
        new("1.READ.WARNING", "SE*18*", "SE*17*", "SE*17"),
        new("1.FILE", Valid, "this is not an 835", "this"),
        new("2.VERSION", "005010X221A1~", "004010X091A1~", "ST*835"),
        new("2.BPR.REQUIRED", "BPR*I*170*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20260110~", "PER*CX*DEMO~", "ST*835"),
        new("2.BPR.ELEMENT", "*98765*20260110~", "*98765~", "BPR*"),
        new("2.TRN.REQUIRED", "TRN*1*TRACE1*1512345678~", "REF*EV*RECEIVER1~", "ST*835"),
        new("2.TRN.ELEMENT", "TRN*1*TRACE1*", "TRN*1**", "TRN*"),
        new("2.N1.PAYER", "N1*PR*DEMO PLAN~", "PER*CX*DEMO~", "ST*835"),
        new("2.N1.PAYEE", "N1*PE*DEMO CLINIC*XX*1999999999~", "PER*BL*DEMO~", "ST*835"),
        new("2.N1.ELEMENT", "N1*PE*DEMO CLINIC*XX*1999999999~", "N1*PE*DEMO CLINIC*XX~", "N1*PE"),
        new("2.CLP.ID", "CLP*PCN1*", "CLP**", "CLP*"),
        new("2.CLP.ELEMENT", "*12*PCC1~", "**PCC1~", "CLP*"),
        new("2.SVC.COMPOSITE", "SVC*HC:99213*", "SVC*HC:*", "SVC*"),
        new("2.CAS.TRIPLET", "CAS*CO*45*20~", "CAS*CO*45*20*1*45*0*0*45*0*0*45*0*0*45*0*0*45*0*0*45*0*0~", "CAS*CO"),
        new("2.REPEAT", "CAS*CO*45*20~CAS*PR*1*10~", string.Concat(Enumerable.Repeat("CAS*PR*1*0.1~", 99)) + "CAS*CO*45*20.1~", "CAS*CO"),
        new("2.LENGTH", "CLP*PCN1*", $"CLP*{new string('P', 39)}*", "CLP*"),
        new("2.DTM.DATE", "DTM*232*20251201~", "DTM*232*20251201~DTM*036*20251301~", "DTM*036"),
        new("2.ELEMENT", "REF*2U*PAYER01~", "REF*2U~", "REF*2U"),
        new("3.BPR.BALANCE", "BPR*I*170*", "BPR*I*171*", "BPR*"),
        new("3.CLP.BALANCE", "CLP*PCN1*1*200*170*", "CLP*PCN1*1*210*170*", "CLP*"),
        new("3.SVC.BALANCE", "SVC*HC:99213*200*170~", "SVC*HC:99213*200*171~", "SVC*"),
        new("4.CLP.REVERSAL", "CLP*PCN1*1*", "CLP*PCN1*22*", "CLP*"),
        new("4.CLP.DENIED", "CLP*PCN1*1*", "CLP*PCN1*4*", "CLP*"),
        new("4.CLP.NO_LINES", Line, "", "CLP*"),
        new("4.SVC.DATE", "DTM*232*20251201~SVC*HC:99213*200*170~DTM*472*20251201~", "REF*1L*GROUP1~SVC*HC:99213*200*170~REF*6R*1~", "SVC*"),
        new("4.BPR.NON_PAYMENT", "BPR*I*170*C*ACH*", "BPR*I*170*C*NON*", "BPR*"),
        new("5.CLP.STATUS", "CLP*PCN1*1*", "CLP*PCN1*5*", "CLP*"),
        new("5.CAS.GROUP", "CAS*CO*45*20~", "CAS*XX*45*20~", "CAS*XX"),
        new("5.CAS.GROUP_4010", "CAS*CO*45*20~", "CAS*CR*45*20~", "CAS*CR"),
        new("5.CLP.FILING", "*12*PCC1~", "*QQ*PCC1~", "CLP*"),
        new("5.QUALIFIER", "AMT*B6*180~", "AMT*ZZZ*180~", "AMT*"),
        new("5.CAS.CARC", "CAS*CO*45*20~", "CAS*CO*ZZ9*20~", "CAS*CO"),
        new("5.RARC", "LQ*HE*N130~", "LQ*HE*ZZZ9~", "LQ*"),
    ];

    /// <summary>Rules no single-transaction edit reaches: the envelope's own (checked on the corpus, whose files have real envelope defects).</summary>
    internal static readonly string[] CoveredElsewhere = ["1.ENVELOPE"];

    internal static FileValidation Validate(string text) =>
        FileValidation.Read(new MemoryStream(Encoding.ASCII.GetBytes(text)), "rule.835");
}
