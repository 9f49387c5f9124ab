using Appeals.Core.Denials;
using Appeals.Core.Remittances;

namespace Appeals.Core.Imports;

/// <summary>
/// What an import reports of a transaction's claims (the summary's counts and amounts, and the cases a dry run would open).
/// A dry run counts each claim on the thread that maps it, as the claim ends, and then drops it (ADR 0093): its objects
/// die in the youngest generation instead of living, with the rest of the transaction, until the importer reaches it.
/// </summary>
internal struct ClaimTotals
{
    public int Claims, ServiceLines, Adjustments, DenialCases;
    public decimal Charged, Paid, Denied;

    /// <summary>Adds a claim whose adjustments are already classified (<see cref="DenialDetector.ClassifyClaim"/>).</summary>
    public void Add(ClaimPayment claim, DenialDetector detector)
    {
        Claims++;
        ServiceLines += claim.ServiceLines.Count;
        Adjustments += claim.Adjustments.Count;
        Charged += claim.ChargeAmount;
        Paid += claim.PaymentAmount;
        foreach (var a in claim.Adjustments)
            if (a.IsDenial) Denied += a.Amount;
        if (detector.OpensCase(claim)) DenialCases++;
    }
}
