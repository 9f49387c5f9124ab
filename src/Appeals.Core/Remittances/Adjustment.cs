namespace Appeals.Core.Remittances;

/// <summary>One CAS triplet: a group code, a claim adjustment reason code (CARC), an amount and a quantity.</summary>
public sealed class Adjustment
{
    public long Id { get; set; }

    public long ClaimPaymentId { get; set; }
    public ClaimPayment? ClaimPayment { get; set; }

    // Two nullable values are kept as value and flag: a long? takes 16 bytes and a decimal? 24, and a
    // million-claim file holds millions of adjustments (ADR 0012). The fields' names keep EF Core off them
    // (its conventions would take _serviceLineId or _quantity as backing fields): EF reads the properties.
    private long _lineIdValue;
    private decimal _quantityValue;
    private bool _hasLineId, _hasQuantity;

    /// <summary>Set for a line-level adjustment (CAS in loop 2110), null for a claim-level one.</summary>
    public long? ServiceLineId
    {
        get => _hasLineId ? _lineIdValue : null;
        set => (_hasLineId, _lineIdValue) = (value.HasValue, value.GetValueOrDefault());
    }
    public ServiceLine? ServiceLine { get; set; }

    /// <summary>CO, PR, OA, PI (CR in 4010 files).</summary>
    public required string GroupCode { get; set; }
    /// <summary>The CARC, e.g. "45", "16", "B7".</summary>
    public required string Carc { get; set; }
    public decimal Amount { get; set; }
    public decimal? Quantity
    {
        get => _hasQuantity ? _quantityValue : null;
        set => (_hasQuantity, _quantityValue) = (value.HasValue, value.GetValueOrDefault());
    }

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
