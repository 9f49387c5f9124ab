using Appeals.Core.Denials;
using Appeals.Core.Remittances;
using Appeals.Workflows.Routing;

namespace Appeals.Workflows.Letters;

/// <summary>The letter templates (templates/letters/KIND.docx) and which one a case gets.</summary>
public static class LetterKinds
{
    public const string MedicalNecessity = "medical_necessity";
    public const string PriorAuthorization = "prior_authorization";
    public const string TimelyFiling = "timely_filing";
    public const string CorrectedClaimCover = "corrected_claim_cover";
    public const string MedicareRedetermination = "medicare_redetermination";
    public const string MedicareAdvantageReconsideration = "medicare_advantage_reconsideration";
    public const string CommercialInternalAppeal = "commercial_internal_appeal";
    /// <summary>An underpayment's payment dispute: the contract's terms and the expected and paid amounts per line (issue 16).</summary>
    public const string UnderpaymentDispute = "underpayment_dispute";

    public static readonly IReadOnlyList<string> All =
    [
        MedicalNecessity, PriorAuthorization, TimelyFiling, CorrectedClaimCover,
        MedicareRedetermination, MedicareAdvantageReconsideration, CommercialInternalAppeal, UnderpaymentDispute,
    ];

    /// <summary>
    /// The letter for a case. Medicare and Medicare Advantage get their regulated request whatever the
    /// reason (CMS-20027 fields; MA reconsideration); a corrected claim gets its cover letter, an underpayment its payment
    /// dispute; other
    /// payers get the letter of the denial's reason, else a general internal appeal.
    /// </summary>
    public static string For(DenialCase denial, string payerType)
    {
        var route = WorkflowRoutes.Current(denial);
        if (route == WorkflowRoutes.CorrectedClaim) return CorrectedClaimCover;
        if (route == WorkflowRoutes.PaymentDispute) return UnderpaymentDispute;
        if (denial.Category == "timely_filing") return TimelyFiling;
        return payerType switch
        {
            PayerTypes.Medicare => MedicareRedetermination,
            PayerTypes.MedicareAdvantage => MedicareAdvantageReconsideration,
            _ => denial.Category switch
            {
                "medical_necessity" or "documentation_requested" => MedicalNecessity,
                "authorization_referral" => PriorAuthorization,
                _ => CommercialInternalAppeal,
            },
        };
    }
}
