using Appeals.Core.Remittances;

namespace Appeals.Core.Denials;

/// <summary>
/// Finds the denials in an adjudicated claim and builds its <see cref="DenialCase"/> (ADR 0021).
/// A denial is a CAS adjustment with a positive amount whose CARC the map marks <c>is_denial=yes</c>,
/// in group CO, PI or OA (CR, the 4010 correction group, is read as CO), at line or claim level.
/// PR with a non-covered CARC is a denial shifted to the patient. Contractual codes (CO-45),
/// PR-1/2/3, pending and "depends" codes are not denials. Reversals (CLP02=22) never are.
/// </summary>
public sealed class DenialDetector(CarcCatalog catalog)
{
    /// <summary>CLP02 for a reversal of a previously reported claim.</summary>
    public const int ReversalStatus = 22;

    private const string NonCoveredCategory = "non_covered_or_benefit_limit";

    /// <summary>Classifies one adjustment of a claim with status <paramref name="claimStatus"/>, setting IsDenial, IsShiftedToPatient and Category.</summary>
    /// <returns>False when the CARC is not in the map (the caller reports it; it is never guessed to be a denial).</returns>
    public bool Classify(Adjustment adjustment, int claimStatus)
    {
        adjustment.IsDenial = false;
        adjustment.IsShiftedToPatient = false;
        adjustment.Category = "";
        if (!catalog.TryGet(adjustment.Carc, out var info)) return false;
        if (claimStatus == ReversalStatus || adjustment.Amount <= 0 || info.Denial != CarcDenial.Yes) return true;

        switch (adjustment.GroupCode.ToUpperInvariant())
        {
            case "CO" or "PI" or "OA" or "CR":
                adjustment.IsDenial = true;
                break;
            case "PR" when info.Category == NonCoveredCategory:
                adjustment.IsDenial = true;
                adjustment.IsShiftedToPatient = true;
                break;
            default:
                return true;
        }
        adjustment.Category = info.Category;
        return true;
    }

    /// <summary>Classifies every adjustment of the claim; returns the CARCs the map does not know.</summary>
    public IReadOnlyList<string> ClassifyClaim(ClaimPayment claim)
    {
        List<string>? unknown = null;
        foreach (var adjustment in claim.Adjustments)
            if (!Classify(adjustment, claim.StatusCode)) (unknown ??= []).Add(adjustment.Carc);
        return unknown ?? (IReadOnlyList<string>)[];
    }

    /// <summary>
    /// True exactly when <see cref="BuildCase"/> would build a case for the classified claim: something on it was denied
    /// and it is not a reversal. Allocates nothing (a dry run counts the cases it would open with it, ADR 0093).
    /// </summary>
    public bool OpensCase(ClaimPayment claim)
    {
        if (claim.StatusCode == ReversalStatus) return false;
        foreach (var a in claim.Adjustments)
            if (a.IsDenial) return true;
        return false;
    }

    /// <summary>
    /// The denial case for a classified claim, or null when nothing on it was denied (or it is a reversal).
    /// </summary>
    /// <param name="claim">The claim, its adjustments already classified.</param>
    /// <param name="remittance">The remittance it came on (payment and production dates).</param>
    /// <param name="payerId">The stored payer's id.</param>
    /// <param name="now">The import instant: CreatedAt, and the denial date when the remittance carries none.</param>
    public DenialCase? BuildCase(ClaimPayment claim, Remittance remittance, long payerId, DateTimeOffset now)
    {
        if (claim.StatusCode == ReversalStatus) return null;
        Adjustment? largest = null;
        decimal denied = 0;
        var shifted = false;
        foreach (var a in claim.Adjustments)
        {
            if (!a.IsDenial) continue;
            denied += a.Amount;
            shifted |= a.IsShiftedToPatient;
            if (largest is null || a.Amount > largest.Amount) largest = a;
        }
        if (largest is null) return null;

        catalog.TryGet(largest.Carc, out var info);
        var line = largest.ServiceLine;
        return new DenialCase
        {
            ClaimPaymentId = claim.Id,
            PayerId = payerId,
            PatientControlNumber = claim.PatientControlNumber,
            PayerClaimControlNumber = claim.PayerClaimControlNumber,
            RenderingProviderId = claim.RenderingProviderId,
            ProcedureCode = line?.ProcedureCode ?? "",
            ServiceDate = claim.ServiceDateFrom ?? line?.ServiceDate ?? EarliestLineDate(claim),
            DenialDate = remittance.PaymentDate ?? remittance.ProductionDate ?? DateOnly.FromDateTime(now.UtcDateTime),
            Category = largest.Category,
            PrimaryReason = $"{largest.GroupCode}-{largest.Carc}",
            Avoidable = info?.IsAvoidable ?? false,
            ShiftedToPatient = shifted,
            BilledAmount = claim.ChargeAmount,
            DeniedAmount = denied,
            CreatedAt = now,
        };
    }

    private static DateOnly? EarliestLineDate(ClaimPayment claim)
    {
        DateOnly? earliest = null;
        foreach (var line in claim.ServiceLines)
            if (line.ServiceDate is { } d && (earliest is null || d < earliest)) earliest = d;
        return earliest;
    }
}
