namespace Appeals.Core.Remittances;

/// <summary>One adjustment pair of a PLB segment: money the payer adds or takes at the provider level, not tied to a claim.</summary>
public sealed class ProviderAdjustment
{
    public long Id { get; set; }

    public long RemittanceId { get; set; }
    public Remittance? Remittance { get; set; }

    /// <summary>PLB01, provider identifier.</summary>
    public string ProviderIdentifier { get; set; } = "";
    /// <summary>PLB02, fiscal period date.</summary>
    public DateOnly? FiscalPeriodDate { get; set; }
    /// <summary>The reason code of the pair (e.g. WO, L6, FB, 72).</summary>
    public required string ReasonCode { get; set; }
    /// <summary>The reference id of the pair (after the component separator), if any.</summary>
    public string ReferenceId { get; set; } = "";
    /// <summary>Positive amounts reduce the payment; negative ones increase it.</summary>
    public decimal Amount { get; set; }
}
