namespace Appeals.Core.Remittances;

/// <summary>One SVC loop (2110): how the payer adjudicated one billed service.</summary>
public sealed class ServiceLine
{
    public long Id { get; set; }

    public long ClaimPaymentId { get; set; }
    public ClaimPayment? ClaimPayment { get; set; }

    /// <summary>Position of the line within its claim, from 1.</summary>
    public int LineNumber { get; set; }

    /// <summary>SVC01-1: HC (HCPCS/CPT), NU (revenue code), AD, ER, WK...</summary>
    public string ProcedureQualifier { get; set; } = "";
    /// <summary>SVC01-2.</summary>
    public string ProcedureCode { get; set; } = "";
    /// <summary>SVC01-3..6 joined by ':'.</summary>
    public string Modifiers { get; set; } = "";
    /// <summary>SVC02.</summary>
    public decimal ChargeAmount { get; set; }
    /// <summary>SVC03.</summary>
    public decimal PaidAmount { get; set; }
    /// <summary>SVC04, the NUBC revenue code.</summary>
    public string RevenueCode { get; set; } = "";
    /// <summary>SVC05, paid units (1 when absent).</summary>
    public decimal Units { get; set; } = 1;
    /// <summary>DTM*472, else DTM*150.</summary>
    public DateOnly? ServiceDate { get; set; }
    /// <summary>REF*6R, the provider's line item control number.</summary>
    public string LineControlNumber { get; set; } = "";
    /// <summary>AMT*B6, allowed amount.</summary>
    public decimal? AllowedAmount { get; set; }

    // A line's adjustments are in its claim's Adjustments, each pointing at the line: one list, so a
    // million-claim read does not keep a second copy per line (ClaimPayment.AdjustmentsOf).
}
