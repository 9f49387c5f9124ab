using System.Globalization;

namespace Appeals.Core.Remittances.X12.Validation;

/// <summary>
/// Level 3: the money of one transaction, added up as its segments pass, checked when each line, each
/// claim and the transaction end. To the cent; the message gives the difference. Allocates only to report.
/// </summary>
internal sealed class RemittanceBalance(TransactionValidator report)
{
    private decimal _payment, _claimPayments, _providerAdjustments;
    private SegmentAt _bpr;
    private bool _hasPayment;

    private bool _inClaim, _inLine;
    private decimal _claimCharge, _claimPaid, _claimAdjusted;
    private int _lines, _claimLevelAdjustments;
    private SegmentAt _clp;

    private decimal _lineCharge, _linePaid, _lineAdjusted;
    private bool _lineHadAdjustments;
    private SegmentAt _svc;
    private BareLine[] _bareLines = new BareLine[4];
    private int _bareCount;

    /// <summary>Where the current (or last) service line starts.</summary>
    internal SegmentAt LineAt => _svc;

    internal void Payment(decimal amount, long segment, long offset)
    {
        _payment = amount;
        _bpr = new SegmentAt(segment, offset);
        _hasPayment = true;
    }

    internal void StartClaim(decimal charge, decimal paid, long segment, long offset)
    {
        EndClaim();
        _inClaim = true;
        _claimCharge = charge;
        _claimPaid = paid;
        _claimAdjusted = 0;
        _lines = _claimLevelAdjustments = 0;
        _clp = new SegmentAt(segment, offset);
        _claimPayments += paid;
    }

    internal void StartLine(decimal charge, decimal paid, long segment, long offset)
    {
        EndLine();
        if (!_inClaim) return;
        _inLine = true;
        _lineCharge = charge;
        _linePaid = paid;
        _lineAdjusted = 0;
        _lineHadAdjustments = false;
        _svc = new SegmentAt(segment, offset);
        _lines++;
    }

    /// <summary>One CAS amount: it counts against the claim, and against the current line when there is one.</summary>
    internal void Adjust(decimal amount)
    {
        if (!_inClaim) return;
        if (_inLine)
        {
            _lineAdjusted += amount; // added to the claim's when the line ends
            _lineHadAdjustments = true;
        }
        else
        {
            _claimAdjusted += amount;
            _claimLevelAdjustments++;
        }
    }

    internal void ProviderAdjustment(decimal amount) => _providerAdjustments += amount;

    internal void EndLine()
    {
        if (!_inLine) return;
        _inLine = false;
        _claimAdjusted += _lineAdjusted;
        var difference = _lineCharge - _lineAdjusted - _linePaid;
        if (difference == 0 || Cents(difference) == 0) return;
        // A line with no CAS of its own on a claim adjusted at claim level is how payers send a claim-level denial
        // with its lines (CLP*...*4, CAS*CO*27 at claim level, each SVC paying 0): judged when the claim ends.
        if (!_lineHadAdjustments)
        {
            if (_bareCount == _bareLines.Length) Array.Resize(ref _bareLines, _bareCount * 2);
            _bareLines[_bareCount++] = new BareLine(_svc, _lineCharge, _linePaid);
        }
        else ReportLine(_svc, _lineCharge, _lineAdjusted, _linePaid);
    }

    private void ReportLine(SegmentAt at, decimal charge, decimal adjusted, decimal paid) =>
        report.Report(X12Rules.LineBalance, at, "SVC", "SVC03",
            $"SVC02 {Money(charge)} minus the line's adjustments {Money(adjusted)} is {Money(charge - adjusted)}, but SVC03 pays {Money(paid)}: {Money(charge - adjusted - paid)} unexplained.");

    internal void EndClaim()
    {
        EndLine();
        if (!_inClaim) return;
        _inClaim = false;
        var difference = _claimCharge - _claimAdjusted - _claimPaid;
        var balanced = difference == 0 || Cents(difference) == 0;
        if (_bareCount > 0)
        {
            for (var i = 0; i < _bareCount; i++)
                if (!balanced || _claimLevelAdjustments == 0) ReportLine(_bareLines[i].At, _bareLines[i].Charge, 0, _bareLines[i].Paid);
            _bareCount = 0;
        }
        if (balanced) return;
        if (_lines == 0 && _claimLevelAdjustments == 0)
            report.Report(X12Rules.NoLines, _clp, "CLP", "CLP04",
                $"The claim has no service lines and no claim-level CAS, yet CLP03 {Money(_claimCharge)} and CLP04 {Money(_claimPaid)} differ by {Money(difference)}: those adjustments belong at claim level.");
        else
            report.Report(X12Rules.ClaimBalance, _clp, "CLP", "CLP04",
                $"CLP03 {Money(_claimCharge)} minus the claim's adjustments {Money(_claimAdjusted)} is {Money(_claimCharge - _claimAdjusted)}, but CLP04 pays {Money(_claimPaid)}: {Money(difference)} unexplained.");
    }

    /// <summary>At SE: the payment against the claims and the provider adjustments.</summary>
    internal void Finish()
    {
        EndClaim();
        if (!_hasPayment) return; // no BPR is a requirement finding of its own
        var expected = _claimPayments - _providerAdjustments;
        if (Cents(_payment - expected) != 0)
            report.Report(X12Rules.PaymentBalance, _bpr, "BPR", "BPR02",
                $"BPR02 pays {Money(_payment)}, but the claims pay {Money(_claimPayments)} less provider adjustments of {Money(_providerAdjustments)}, {Money(expected)}: {Money(_payment - expected)} apart.");
    }

    private static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static string Money(decimal amount) => Cents(amount).ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>Where a segment is: its 1-based number and 0-based byte offset in the file.</summary>
internal readonly struct SegmentAt(long segment, long offset)
{
    internal long Segment { get; } = segment;
    internal long Offset { get; } = offset;
}

/// <summary>A service line with no CAS of its own that did not balance, judged when its claim ends.</summary>
internal readonly struct BareLine(SegmentAt at, decimal charge, decimal paid)
{
    internal SegmentAt At { get; } = at;
    internal decimal Charge { get; } = charge;
    internal decimal Paid { get; } = paid;
}
