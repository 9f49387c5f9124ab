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

    /// <summary>
    /// Classifies the claim's adjustments (<see cref="DenialDetector.ClassifyClaim"/>; a CARC the map does not know was
    /// warned by the reader at its CAS, rule 5.CAS.CARC) and adds the claim.
    /// </summary>
    public void ClassifyAndAdd(ClaimPayment claim, DenialDetector detector)
    {
        detector.ClassifyClaim(claim);
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
