using System.Globalization;

namespace Appeals.Core.Remittances.X12.Validation;

/// <summary>
/// Level 3: the money of one transaction, added up as its segments pass, checked when each line, each
/// claim and the transaction end. To the cent; the message gives the difference. Allocates only to report.
/// </summary>
internal sealed class RemittanceBalance(TransactionValidator report)
{
    private decimal _payment, _claimPayments, _providerAdjustments;
    private (long Segment, long Offset)? _bpr;

    private bool _inClaim, _inLine;
    private decimal _claimCharge, _claimPaid, _claimAdjusted;
    private int _lines, _claimLevelAdjustments;
    private (long Segment, long Offset) _clp;

    private decimal _lineCharge, _linePaid, _lineAdjusted;
    private bool _lineHadAdjustments;
    private (long Segment, long Offset) _svc;
    private readonly List<((long Segment, long Offset) At, decimal Charge, decimal Paid)> _bareLines = [];

    /// <summary>Where the current (or last) service line starts.</summary>
    internal (long Segment, long Offset) LineAt => _svc;

    internal void Payment(decimal amount, long segment, long offset)
    {
        _payment = amount;
        _bpr = (segment, offset);
    }

    internal void StartClaim(decimal charge, decimal paid, long segment, long offset)
    {
        EndClaim();
        (_inClaim, _claimCharge, _claimPaid, _claimAdjusted, _lines, _claimLevelAdjustments, _clp) = (true, charge, paid, 0, 0, 0, (segment, offset));
        _claimPayments += paid;
    }

    internal void StartLine(decimal charge, decimal paid, long segment, long offset)
    {
        EndLine();
        if (!_inClaim) return;
        (_inLine, _lineCharge, _linePaid, _lineAdjusted, _lineHadAdjustments, _svc) = (true, charge, paid, 0, false, (segment, offset));
        _lines++;
    }

    /// <summary>One CAS amount: it counts against the claim, and against the current line when there is one.</summary>
    internal void Adjust(decimal amount)
    {
        if (!_inClaim) return;
        _claimAdjusted += amount;
        if (_inLine)
        {
            _lineAdjusted += amount;
            _lineHadAdjustments = true;
        }
        else _claimLevelAdjustments++;
    }

    internal void ProviderAdjustment(decimal amount) => _providerAdjustments += amount;

    internal void EndLine()
    {
        if (!_inLine) return;
        _inLine = false;
        if (Cents(_lineCharge - _lineAdjusted - _linePaid) == 0) return;
        // A line with no CAS of its own on a claim adjusted at claim level is how payers send a claim-level denial
        // with its lines (CLP*...*4, CAS*CO*27 at claim level, each SVC paying 0): judged when the claim ends.
        if (!_lineHadAdjustments) _bareLines.Add((_svc, _lineCharge, _linePaid));
        else ReportLine(_svc, _lineCharge, _lineAdjusted, _linePaid);
    }

    private void ReportLine((long Segment, long Offset) at, decimal charge, decimal adjusted, decimal paid) =>
        report.Report(X12Rules.LineBalance, at, "SVC", "SVC03",
            $"SVC02 {Money(charge)} minus the line's adjustments {Money(adjusted)} is {Money(charge - adjusted)}, but SVC03 pays {Money(paid)}: {Money(charge - adjusted - paid)} unexplained.");

    internal void EndClaim()
    {
        EndLine();
        if (!_inClaim) return;
        _inClaim = false;
        var difference = _claimCharge - _claimAdjusted - _claimPaid;
        var claimLevelExplainsLines = Cents(difference) == 0 && _claimLevelAdjustments > 0;
        foreach (var (at, charge, paid) in _bareLines)
            if (!claimLevelExplainsLines) ReportLine(at, charge, 0, paid);
        _bareLines.Clear();
        if (Cents(difference) == 0) return;
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
        if (_bpr is not { } at) return; // no BPR is a requirement finding of its own
        var expected = _claimPayments - _providerAdjustments;
        if (Cents(_payment - expected) != 0)
            report.Report(X12Rules.PaymentBalance, at, "BPR", "BPR02",
                $"BPR02 pays {Money(_payment)}, but the claims pay {Money(_claimPayments)} less provider adjustments of {Money(_providerAdjustments)}, {Money(expected)}: {Money(_payment - expected)} apart.");
    }

    private static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static string Money(decimal amount) => Cents(amount).ToString("0.00", CultureInfo.InvariantCulture);
}
