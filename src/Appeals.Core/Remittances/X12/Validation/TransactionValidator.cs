using Appeals.Core.Imports;
using static Appeals.Core.Remittances.X12.X12SegmentIds;

namespace Appeals.Core.Remittances.X12.Validation;

/// <summary>
/// Checks one ST..SE transaction against the rule table as the builder maps it: fed each segment after
/// the builder (so it sees the claim and line the builder made of it), and finished at SE. A refusing
/// finding goes into the transaction's errors, a warning into its warnings, and every finding into
/// <see cref="Findings"/> with its rule. Costs a table lookup and a few span compares per segment.
/// </summary>
internal sealed partial class TransactionValidator
{
    private const int MaxFindings = 200;
    private const string ExpectedVersion = "005010X221A1";

    private X12SegmentScanner _s;
    private readonly List<ImportIssue> _warnings, _errors;
    private readonly List<X12Finding> _findings = [];
    private readonly ImportIssue _st;
    private readonly RemittanceBalance _balance;
    private readonly bool _off; // not an 835: refused at its ST already, and the 835 rules say nothing of it
    private HashSet<string>? _codesReported; // unknown CARCs/RARCs once a transaction
    private bool _sawPayment, _sawTrace, _sawPayer, _sawPayee;
    private ClaimPayment? _claim;
    private ServiceLine? _line;
    private int _claimAdjustmentSegments, _lineAdjustmentSegments, _lines;

    /// <summary>Built at the ST, with the lists the builder collects issues in.</summary>
    internal TransactionValidator(X12SegmentScanner scanner, List<ImportIssue> warnings, List<ImportIssue> errors)
    {
        _s = scanner;
        _warnings = warnings;
        _errors = errors;
        _st = scanner.Issue("ST", "", "");
        _balance = new RemittanceBalance(this);
        _off = !scanner[1].SequenceEqual("835"u8);
        var version = scanner[3];
        if (!_off && !version.IsEmpty && !version.SequenceEqual("005010X221A1"u8))
            Report(X12Rules.GuideVersion, "ST03",
                $"ST03 names version {X12Values.Preview(version)}, not {ExpectedVersion}: read with the {ExpectedVersion} rules.");
    }

    internal IReadOnlyList<X12Finding> Findings => _findings;

    /// <summary>Carries on with the next part of a transaction handed out in parts (ADR 0090): its totals and open claim go on.</summary>
    internal void Continue(X12SegmentScanner scanner) => _s = scanner;

    /// <summary>The segment the builder has just mapped, with the claim and line it is in (after mapping it).</summary>
    internal void Apply(Remittance remittance, ClaimPayment? claim, ServiceLine? line)
    {
        if (_off) return;
        var id = _s.Id;
        var loop = line is not null ? Loop.Line : claim is not null ? Loop.Claim : Loop.Header;
        CheckElements(X12ElementChecks.For(id, loop));
        switch (id)
        {
            case BPR:
                _sawPayment = true;
                _balance.Payment(remittance.PaymentAmount, _s.SegmentNumber, _s.SegmentOffset);
                NonPayment(remittance.PaymentAmount);
                break;
            case TRN: if (loop == Loop.Header) _sawTrace = true; break;
            case DTM: OtherDate(); break;
            case N1:
                if (_s[1].SequenceEqual("PR"u8)) _sawPayer = true;
                else if (_s[1].SequenceEqual("PE"u8)) _sawPayee = true;
                break;
            case CLP: if (!ReferenceEquals(claim, _claim)) StartClaim(claim!); break;
            case SVC: if (line is not null && !ReferenceEquals(line, _line)) StartLine(line); break;
            case CAS: if (claim is not null) Adjustments(line is not null); break;
            case MIA: Remarks(5, 5); Remarks(20, 23); break;
            case MOA: Remarks(3, 7); break;
            case LQ: if (_s[1].SequenceEqual("HE"u8)) Remarks(2, 2); break;
            case PLB:
                EndLine();
                _balance.EndClaim();
                ProviderAdjustments();
                break;
        }
    }

    /// <summary>At SE, or where the transaction was cut off: the checks that need the whole transaction.</summary>
    internal void Finish()
    {
        if (_off) return;
        EndLine();
        _balance.Finish();
        if (!_sawPayment) ReportAtSt(X12Rules.PaymentRequired, "The transaction has no BPR: there is no payment to post its claims against.");
        if (!_sawTrace) ReportAtSt(X12Rules.TraceRequired, "The transaction has no TRN: its check or EFT trace number is missing.");
        if (!_sawPayer) ReportAtSt(X12Rules.PayerRequired, "The transaction names no payer (N1*PR).");
        if (!_sawPayee) ReportAtSt(X12Rules.PayeeRequired, "The transaction names no payee (N1*PE).");
    }

    private void StartClaim(ClaimPayment claim)
    {
        EndLine();
        _claim = claim;
        _line = null;
        _claimAdjustmentSegments = _lines = 0;
        _balance.StartClaim(claim.ChargeAmount, claim.PaymentAmount, _s.SegmentNumber, _s.SegmentOffset);
        if (X12Values.TryInt(_s[2], out var status) && !X12CodeSets.IsClaimStatus(status))
            Report(X12Rules.ClaimStatus, "CLP02", $"CLP02 ({X12Values.Preview(_s[2])}) is not a claim status code: whether the claim pays, denies or reverses is unknown.");
        if (status == 22 && claim.PaymentAmount > 0)
            Report(X12Rules.ReversalSign, "CLP04", $"The claim is a reversal (CLP02=22) but CLP04 pays {X12Values.Preview(_s[4])}: a reversal takes money back, it cannot pay.");
        if (status == 4 && claim.PaymentAmount != 0)
            Report(X12Rules.DeniedPaid, "CLP04", $"The claim is denied (CLP02=4) but CLP04 pays {X12Values.Preview(_s[4])}.");
    }

    private void StartLine(ServiceLine line)
    {
        EndLine();
        _line = line;
        _lineAdjustmentSegments = 0;
        if (++_lines == 1000) Report(X12Rules.Repeats, "", "The claim has more than 999 service lines (SVC), the most the guide allows.");
        _balance.StartLine(line.ChargeAmount, line.PaidAmount, _s.SegmentNumber, _s.SegmentOffset);
        if (_s[1].IsEmpty) return; // the required check has reported it
        if (line.ProcedureQualifier.Length == 0 || line.ProcedureCode.Length == 0)
            Report(X12Rules.Procedure, "SVC01", $"SVC01 ({X12Values.Preview(_s[1])}) lacks its {(line.ProcedureQualifier.Length == 0 ? "qualifier (SVC01-1)" : "procedure code (SVC01-2)")}: the payment cannot be put on the line it pays.");
        else if (!X12CodeSets.ProcedureQualifiers.Contains(line.ProcedureQualifier))
            Report(X12Rules.Qualifier, "SVC01", $"SVC01-1 ({line.ProcedureQualifier}) is not one of the {X12CodeSets.ProcedureQualifiers.Name}.");
        if (line.ProcedureCode.Length > 48) Report(X12Rules.Length, "SVC01", "SVC01-2, the procedure code, is longer than 48 characters.");
    }

    /// <summary>Dates the builder maps (405, 232, 233, 050, 472, 150) it checks itself, as it reads them; the others are checked here.</summary>
    private void OtherDate()
    {
        if (!X12Values.TryInt(_s[1], out var qualifier) || qualifier is 405 or 232 or 233 or 50 or 472 or 150 || _s[2].IsEmpty) return;
        if (!X12Values.TryDate(_s[2], out _, out var year) || year is < 1900 or > 2099)
            Report(X12Rules.DateExists, "DTM02", $"DTM02 ({X12Values.Preview(_s[2])}) is not a date that exists (CCYYMMDD).");
    }

    /// <summary>The line ends at the next SVC, CLP or PLB, or at SE: its date is known by then.</summary>
    private void EndLine()
    {
        if (_line is not { } line) return;
        _line = null;
        if (line.ServiceDate is null && _claim is { ServiceDateFrom: null, ServiceDateTo: null })
            Report(X12Rules.LineDate, _balance.LineAt, "SVC", "", "The service line has no date (DTM*472) and its claim gives no service dates (DTM*232/233).");
    }
}
