namespace Appeals.Core.TakeBacks;

/// <summary>
/// Money a payer took back through a PLB adjustment on a later remittance (a "silent denial"), linked to the claim its
/// PLB03-2 reference names when it can be (issue 16). One row per recovering PLB adjustment pair.
/// </summary>
public sealed class TakeBack
{
    public long Id { get; set; }

    /// <summary>The PLB pair this take-back is.</summary>
    public long ProviderAdjustmentId { get; set; }
    /// <summary>The remittance that carried the PLB (the money was withheld from its payment).</summary>
    public long RemittanceId { get; set; }
    public long PayerId { get; set; }

    /// <summary>PLB03-1, e.g. WO (overpayment recovery), FB (forwarding balance), 72 (authorized return).</summary>
    public required string ReasonCode { get; set; }
    /// <summary>PLB03-2 as sent: the payer claim number (or patient control number) of the claim the money is taken from.</summary>
    public string Reference { get; set; } = "";
    /// <summary>The money taken back (positive).</summary>
    public decimal Amount { get; set; }
    /// <summary>The remittance's payment date (else production date): when the money was taken.</summary>
    public DateOnly TakenOn { get; set; }

    /// <summary>The claim the reference names, when it is stored; null for an unlinked take-back (reported).</summary>
    public long? ClaimPaymentId { get; set; }
    /// <summary>The case of that claim, when it has one.</summary>
    public long? DenialCaseId { get; set; }
    /// <summary>How the link was made (<see cref="TakeBackLinks"/>), or why there is none.</summary>
    public string Link { get; set; } = TakeBackLinks.Unlinked;
    /// <summary>True when the linked case had been recovered after an appeal: the payer is taking back what the appeal won.</summary>
    public bool RecoveredAfterAppeal { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>How a take-back was linked to its claim.</summary>
public static class TakeBackLinks
{
    public const string PayerClaimNumber = "payer_claim_number";
    public const string PatientControlNumber = "patient_control_number";
    public const string Unlinked = "unlinked";
    public const string Ambiguous = "ambiguous";
}

/// <summary>
/// The PLB reason codes (PLB03-1) that take money back from the provider, by the 835 implementation guide's code list:
/// overpayment recovery (WO), forwarding balance (FB), authorized return (72), non-reimbursable (J1), and the general
/// adjustment (CS) — each only with a positive amount, which reduces the payment. Interest (L6), withholdings for a
/// third party (levies, garnishments, IRS) and advance-payment schedules are not a claim's money taken back.
/// </summary>
public static class TakeBackReasons
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { "WO", "FB", "72", "J1", "CS" };

    public static bool IsTakeBack(string reasonCode, decimal amount) => amount > 0 && All.Contains(reasonCode);
}
