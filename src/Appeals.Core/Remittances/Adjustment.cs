namespace Appeals.Core.Remittances;

/// <summary>One CAS triplet: a group code, a claim adjustment reason code (CARC), an amount and a quantity.</summary>
public sealed class Adjustment
{
    public long Id { get; set; }

    public long ClaimPaymentId { get; set; }
    public ClaimPayment? ClaimPayment { get; set; }

    /// <summary>Set for a line-level adjustment (CAS in loop 2110), null for a claim-level one.</summary>
    public long? ServiceLineId { get; set; }
    public ServiceLine? ServiceLine { get; set; }

    /// <summary>CO, PR, OA, PI (CR in 4010 files).</summary>
    public required string GroupCode { get; set; }
    /// <summary>The CARC, e.g. "45", "16", "B7".</summary>
    public required string Carc { get; set; }
    public decimal Amount { get; set; }
    public decimal? Quantity { get; set; }

    /// <summary>Whether this adjustment is a denial, by the CARC map and the group code (see ADR on the denial definition).</summary>
    public bool IsDenial { get; set; }
    /// <summary>PR with a non-covered CARC: a denial whose amount was shifted to the patient.</summary>
    public bool IsShiftedToPatient { get; set; }
    /// <summary>Root-cause category from the CARC map, e.g. "authorization"; empty when not a denial.</summary>
    public string Category { get; set; } = "";

    public AdjustmentLevel Level => ServiceLineId is null && ServiceLine is null ? AdjustmentLevel.Claim : AdjustmentLevel.Line;
}

public enum AdjustmentLevel
{
    Claim,
    Line,
}
