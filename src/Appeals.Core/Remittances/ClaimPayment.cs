namespace Appeals.Core.Remittances;

/// <summary>One CLP loop (2100): how the payer adjudicated one claim.</summary>
public sealed class ClaimPayment
{
    public long Id { get; set; }

    public long RemittanceId { get; set; }
    public Remittance? Remittance { get; set; }

    /// <summary>CLP01, the provider's patient control number.</summary>
    public required string PatientControlNumber { get; set; }
    /// <summary>CLP02: 1 processed as primary, 2 secondary, 3 tertiary, 4 denied, 19-23 forwarded/reversal, 25 predetermination.</summary>
    public int StatusCode { get; set; }
    /// <summary>CLP03.</summary>
    public decimal ChargeAmount { get; set; }
    /// <summary>CLP04 (negative on a reversal).</summary>
    public decimal PaymentAmount { get; set; }
    /// <summary>CLP05.</summary>
    public decimal? PatientResponsibilityAmount { get; set; }
    /// <summary>CLP06, claim filing indicator.</summary>
    public string ClaimFilingIndicator { get; set; } = "";
    /// <summary>CLP07, the payer claim control number.</summary>
    public string PayerClaimControlNumber { get; set; } = "";
    /// <summary>CLP08, facility type code.</summary>
    public string FacilityTypeCode { get; set; } = "";
    /// <summary>CLP09, claim frequency type code (1 original, 7 replacement, 8 void).</summary>
    public string FrequencyCode { get; set; } = "";

    /// <summary>REF*F8, the original reference number a corrected claim carries.</summary>
    public string OriginalReferenceNumber { get; set; } = "";

    /// <summary>NM1*QC: the patient's names and member id (PHI), stored encrypted as one value (ADR 0071).</summary>
    public PatientIdentity Patient { get; set; } = PatientIdentity.Empty;
    /// <summary>NM1*QC last name (PHI); part of <see cref="Patient"/>.</summary>
    public string PatientLastName { get => Patient.LastName; set => Patient = Patient with { LastName = value }; }
    /// <summary>NM1*QC first name (PHI); part of <see cref="Patient"/>.</summary>
    public string PatientFirstName { get => Patient.FirstName; set => Patient = Patient with { FirstName = value }; }
    /// <summary>NM1*QC NM109 member id (PHI); part of <see cref="Patient"/>.</summary>
    public string MemberId { get => Patient.MemberId; set => Patient = Patient with { MemberId = value }; }
    /// <summary>NM1*82 NM109, the rendering provider id.</summary>
    public string RenderingProviderId { get; set; } = "";

    /// <summary>DTM*232 (claim statement period start), else the earliest line date.</summary>
    public DateOnly? ServiceDateFrom { get; set; }
    /// <summary>DTM*233 (claim statement period end), else the latest line date.</summary>
    public DateOnly? ServiceDateTo { get; set; }
    /// <summary>DTM*050, date the payer received the claim.</summary>
    public DateOnly? ReceivedDate { get; set; }

    /// <summary>For a reversal (CLP02=22), the earlier claim payment it negates, when it is in the database.</summary>
    public long? ReversesClaimPaymentId { get; set; }

    public List<ServiceLine> ServiceLines { get; set; } = [];

    /// <summary>Every adjustment on this claim: claim-level ones and, through their line, line-level ones.</summary>
    public List<Adjustment> Adjustments { get; set; } = [];

    /// <summary>The adjustments of one of this claim's lines, in file order.</summary>
    public IEnumerable<Adjustment> AdjustmentsOf(ServiceLine line) =>
        Adjustments.Where(a => ReferenceEquals(a.ServiceLine, line) || (line.Id != 0 && a.ServiceLineId == line.Id));

    /// <summary>MIA/MOA remark codes and LQ codes of the lines.</summary>
    public List<RemarkCode> RemarkCodes { get; set; } = [];
}
