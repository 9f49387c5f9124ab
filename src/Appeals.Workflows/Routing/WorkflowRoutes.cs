using Appeals.Core.Denials;

namespace Appeals.Workflows.Routing;

/// <summary>The workflow routes (DESIGN.md step 6) and the category → route choice.</summary>
public static class WorkflowRoutes
{
    public const string CorrectedClaim = "corrected_claim";
    public const string AppealLetter = "appeal_letter";
    public const string VerifyAndClose = "verify_and_close";
    public const string EligibilityOrOtherPayer = "eligibility_other_payer";
    public const string BillPatient = "bill_patient";
    public const string WriteOff = "write_off";
    /// <summary>An underpayment: dispute the payment against the contract (issue 16).</summary>
    public const string PaymentDispute = "payment_dispute";

    public static readonly IReadOnlyList<string> All =
        [CorrectedClaim, AppealLetter, VerifyAndClose, EligibilityOrOtherPayer, BillPatient, WriteOff, PaymentDispute];

    /// <summary>
    /// The route a case starts on. Money shifted to the patient is billed to the patient; otherwise the
    /// category decides. Categories with no better path (and unknown ones) are appealed with a letter:
    /// a person reads the case before anything is written off.
    /// </summary>
    public static string For(DenialCase denial) => denial.ShiftedToPatient ? BillPatient : ForCategory(denial.Category);

    /// <summary>The route the case is on, or, before its workflow starts, the one it will start on.</summary>
    public static string Current(DenialCase denial) => denial.WorkflowRoute.Length > 0 ? denial.WorkflowRoute : For(denial);

    public static string ForCategory(string category) => category switch
    {
        "missing_invalid_claim_data" or "coding_bundling_modifier" => CorrectedClaim,
        "duplicate_claim" => VerifyAndClose,
        "eligibility_registration" or "coordination_of_benefits" => EligibilityOrOtherPayer,
        "patient_responsibility" => BillPatient,
        CaseKinds.UnderpaymentCategory => PaymentDispute,
        _ => AppealLetter,
    };

    /// <summary>Whether a case on the route writes to the payer: an appeal letter, a corrected claim's cover letter, or a payment dispute.</summary>
    public static bool SendsLetter(string route) => route is AppealLetter or CorrectedClaim or PaymentDispute;

    /// <summary>The appeal level whose deadline governs a route: 0 (reopening) for a corrected claim, the case's level for an appeal, none otherwise.</summary>
    public static int? DeadlineLevel(string route, int appealLevel) => route switch
    {
        CorrectedClaim => 0,
        AppealLetter => Math.Max(1, appealLevel),
        _ => null,
    };
}
