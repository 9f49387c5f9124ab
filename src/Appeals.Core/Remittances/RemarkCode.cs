namespace Appeals.Core.Remittances;

/// <summary>A remittance advice remark code (RARC) or other remark from MIA, MOA or LQ.</summary>
public sealed class RemarkCode
{
    public long Id { get; set; }

    public long ClaimPaymentId { get; set; }
    public ClaimPayment? ClaimPayment { get; set; }

    /// <summary>Set when the remark came from an LQ in a service line.</summary>
    public long? ServiceLineId { get; set; }
    public ServiceLine? ServiceLine { get; set; }

    /// <summary>MIA, MOA or LQ.</summary>
    public required string Source { get; set; }
    /// <summary>For LQ, LQ01 (HE = RARC, RX = NCPDP reject); for MIA/MOA, "HE".</summary>
    public string Qualifier { get; set; } = "HE";
    public required string Code { get; set; }
}
