using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Remittances.X12.Validation;
using static Appeals.Core.Remittances.X12.X12SegmentIds;

namespace Appeals.Core.Remittances.X12;

/// <summary>
/// Maps the segments of one ST..SE transaction onto a <see cref="Remittance"/> as they stream past,
/// collecting located warnings (read anyway) and errors (the transaction is refused).
/// Holds one transaction only: it is dropped once <see cref="Finish"/> has run.
/// </summary>
internal sealed partial class TransactionBuilder
{
    private const int MaxIssues = 200;

    private X12SegmentScanner _s;
    private X12CodeCache _codes;
    private MappingScratch _scratch;
    private X12ReadCounts _counts;
    private readonly List<ImportIssue> _warnings = [];
    private readonly List<ImportIssue> _errors = [];
    private readonly Remittance _remittance;
    private ClaimPayment? _claim;
    private ServiceLine? _line;
    private string _payerName = "", _payerN104 = "", _payerRef2U = "";
    private string _n1Qualifier = "";
    private int _segments = 1;
    private readonly ImportIssue _stIssue;
    private readonly TransactionValidator _validator;
    private readonly DenialDetector? _countWith; // a dry run: each claim is classified, counted and dropped as it ends (ADR 0093)
    private readonly CountedClaims? _counted; // a dry run's reused claim objects (ADR 0132); the transaction's own, as its parts may move between threads
    private ClaimTotals _totals;

    internal TransactionBuilder(X12SegmentScanner scanner, MappingScratch scratch, X12ReadCounts counts,
        string interchangeControlNumber, string groupControlNumber, DenialDetector? countWith = null)
    {
        _countWith = countWith;
        _counted = countWith is null ? null : new CountedClaims();
        _s = scanner;
        _scratch = scratch;
        _codes = scratch.Codes;
        scratch.Clear();
        _counts = counts;
        _stIssue = scanner.Issue("ST", "", "");
        _remittance = new Remittance
        {
            ContentHash = "",
            InterchangeControlNumber = interchangeControlNumber,
            GroupControlNumber = groupControlNumber,
            TransactionControlNumber = X12Values.Text(_s[2]),
        };
        if (!_s[1].SequenceEqual("835"u8))
            Error(1, $"This is a {X12Values.Preview(_s[1])} transaction, not an 835 remittance.");
        if (_remittance.TransactionControlNumber.Length == 0) Warn(2, "ST02, the transaction control number, is empty.");
        _validator = new TransactionValidator(scanner, _warnings, _errors);
    }

    /// <summary>
    /// Carries on with the next part of a transaction handed out in parts (ADR 0090), from its own scanner, on the
    /// thread that maps it (with that thread's scratch lists, empty since the part before ended) and counting into its job.
    /// </summary>
    internal void Continue(X12SegmentScanner scanner, MappingScratch scratch, X12ReadCounts counts)
    {
        _s = scanner;
        _scratch = scratch;
        _codes = scratch.Codes;
        scratch.Clear();
        _counts = counts;
        _validator.Continue(scanner);
    }

    internal void Apply()
    {
        _segments++;
        switch (_s.Id)
        {
            case BPR: Bpr(); break;
            case TRN: if (_claim is null) _remittance.TraceNumber = X12Values.Text(_s[2]); break;
            case DTM: Dtm(); break;
            case N1: PartyName(); break;
            case REF: Reference(); break;
            case CLP: Clp(); break;
            case CAS: Cas(); break;
            case NM1: ClaimParty(); break;
            case MIA: Remarks("MIA", 5, 20, 23); break;
            case MOA: Remarks("MOA", 3, 3, 7); break;
            case SVC: Svc(); break;
            case AMT: if (_line is not null && _s[1].SequenceEqual("B6"u8)) _line.AllowedAmount = OptionalAmount(2); break;
            case LQ: Lq(); break;
            case PLB: Plb(); break;
            case 0: Error(0, "This is not a segment: its id is not 2 or 3 letters or digits."); break;
            default: break; // segments the model does not keep: PER, N3, N4, TS3, TS2, QTY, RDM...
        }
        _validator.Apply(_remittance, _claim, _line);
    }

    /// <summary>Ends the transaction at SE (<paramref name="closed"/>) or where something else interrupted it; the reader adds the content hash.</summary>
    internal TransactionRead Finish(bool closed)
    {
        if (closed)
        {
            _segments++;
            if (!X12Values.TryInt(_s[1], out var declared) || declared != _segments)
                Warn(1, $"SE01 says {X12Values.Preview(_s[1])} segments but the transaction has {_segments} (ST to SE).");
            if (!X12Values.TrimSpaces(_s[2]).SequenceEqual(System.Text.Encoding.UTF8.GetBytes(_remittance.TransactionControlNumber)))
                Warn(2, $"SE02 ({X12Values.Preview(_s[2])}) does not match ST02 ({_remittance.TransactionControlNumber}).");
        }
        else
        {
            if (_s.Count > 0) Error(-1, $"The transaction {_remittance.TransactionControlNumber} has no SE: it is cut off here.");
            else if (_errors.Count <= MaxIssues)
                _errors.Add(new ImportIssue(_stIssue.File, _stIssue.Segment, _stIssue.Offset, "ST", "",
                    $"The transaction {_remittance.TransactionControlNumber} that starts here has no SE: the file ends inside it."));
        }
        _remittance.Payer = Payer();
        EndClaim(); // the others ended as the next CLP began
        MappingScratch.Move(_scratch.Claims, _remittance.Claims);
        _validator.Finish();
        _counts.Transactions++;
        return new TransactionRead(_errors.Count == 0 ? _remittance : null, _warnings, _errors) { Findings = _validator.Findings, Totals = CountedSoFar() };
    }

    /// <summary>
    /// Ends a part of a transaction handed out in parts, before the CLP where the next part starts: the remittance's
    /// header with this part's claims, or null once the transaction has an error. Warnings and errors come with the last part.
    /// </summary>
    internal TransactionRead FinishPart()
    {
        EndClaim();
        _claim = null;
        var part = _remittance.WithoutClaims();
        part.Payer = Payer();
        MappingScratch.Move(_scratch.Claims, part.Claims);
        return new TransactionRead(_errors.Count == 0 ? part : null, [], []) { Continued = true, Totals = CountedSoFar() };
    }

    private Payer Payer() => new()
    {
        Identifier = _payerRef2U.Length > 0 ? _payerRef2U : _payerN104.Length > 0 ? _payerN104 : _payerName,
        Name = _payerName,
    };

    private void Bpr()
    {
        _remittance.HandlingCode = _codes.Get(_s[1]);
        _remittance.PaymentAmount = RequiredAmount(2);
        if (!_s[3].IsEmpty) _remittance.CreditDebitFlag = _codes.Get(_s[3]);
        _remittance.PaymentMethod = _codes.Get(_s[4]);
        _remittance.PaymentDate = Date(16);
    }

    private void PartyName()
    {
        if (_claim is not null) return;
        _n1Qualifier = _codes.Get(_s[1]);
        switch (_n1Qualifier)
        {
            case "PR":
                _payerName = X12Values.Text(_s[2]);
                _payerN104 = X12Values.Text(_s[4]);
                break;
            case "PE":
                _remittance.PayeeName = X12Values.Text(_s[2]);
                _remittance.PayeeIdentifier = X12Values.Text(_s[4]);
                break;
        }
    }

    private void Reference()
    {
        var qualifier = _s[1];
        if (_claim is null)
        {
            if (_n1Qualifier == "PR" && qualifier.SequenceEqual("2U"u8)) _payerRef2U = X12Values.Text(_s[2]);
        }
        else if (_line is not null)
        {
            if (qualifier.SequenceEqual("6R"u8)) _line.LineControlNumber = _codes.Get(_s[2]); // often "1", "2"...
        }
        else if (qualifier.SequenceEqual("F8"u8) && _counted is null) _claim.OriginalReferenceNumber = X12Values.Text(_s[2]); // a dry run reads no claim's ids
    }

    private void Dtm()
    {
        if (!X12Values.TryInt(_s[1], out var qualifier)) return;
        if (_claim is null)
        {
            if (qualifier == 405) _remittance.ProductionDate = Date(2);
        }
        else if (_line is not null)
        {
            if (qualifier == 472) _line.ServiceDate = Date(2);
            else if (qualifier == 150) _line.ServiceDate ??= Date(2);
        }
        else
        {
            switch (qualifier)
            {
                case 232: _claim.ServiceDateFrom = Date(2); break;
                case 233: _claim.ServiceDateTo = Date(2); break;
                case 50: _claim.ReceivedDate = Date(2); break;
            }
        }
    }

    /// <summary>The claim is complete: its collected lines, adjustments and remarks go into its lists, and its dates are filled.</summary>
    private void EndClaim()
    {
        if (_claim is not { } claim) return;
        _line = null;
        if (_countWith is { } detector)
        {
            // A dry run (ADR 0093): the claim borrows the scratch lists while it is counted, and is dropped; nothing is copied.
            var (lines, adjustments, remarks) = (claim.ServiceLines, claim.Adjustments, claim.RemarkCodes);
            (claim.ServiceLines, claim.Adjustments, claim.RemarkCodes) = (_scratch.Lines, _scratch.Adjustments, _scratch.Remarks);
            FillClaimDates(claim);
            _totals.ClassifyAndAdd(claim, detector);
            (claim.ServiceLines, claim.Adjustments, claim.RemarkCodes) = (lines, adjustments, remarks);
            _scratch.Lines.Clear();
            _scratch.Adjustments.Clear();
            _scratch.Remarks.Clear();
            return;
        }
        MappingScratch.Move(_scratch.Lines, claim.ServiceLines);
        MappingScratch.Move(_scratch.Adjustments, claim.Adjustments);
        MappingScratch.Move(_scratch.Remarks, claim.RemarkCodes);
        FillClaimDates(claim);
    }

    /// <summary>A dry run's totals of the transaction's claims counted so far (null when claims are kept).</summary>
    private ClaimTotals? CountedSoFar() => _countWith is null ? null : _totals;

    private static void FillClaimDates(ClaimPayment claim)
    {
        if (claim.ServiceDateFrom is not null && claim.ServiceDateTo is not null) return;
        DateOnly? first = null, last = null;
        foreach (var line in claim.ServiceLines)
        {
            if (line.ServiceDate is not { } d) continue;
            if (first is null || d < first) first = d;
            if (last is null || d > last) last = d;
        }
        claim.ServiceDateFrom ??= first;
        claim.ServiceDateTo ??= last ?? claim.ServiceDateFrom;
    }
}
