using Appeals.Core.Denials;
using static Appeals.Workflows.Routing.RouteBuilder;
using static Appeals.Workflows.Routing.WorkflowTriggers;

namespace Appeals.Workflows.Routing;

/// <summary>
/// The published workflow definitions, every version of every route. To change a route, add a new
/// version here and leave the old one: cases started on it keep running on it (ADR 0060).
/// </summary>
public sealed class WorkflowDefinitions
{
    private readonly Dictionary<(string Route, int Version), WorkflowDefinition> _all;

    public WorkflowDefinitions(IEnumerable<WorkflowDefinition> definitions) =>
        _all = definitions.ToDictionary(d => (d.Route, d.Version));

    /// <summary>The definitions this build ships.</summary>
    public static WorkflowDefinitions Shipped { get; } = new([
        AppealLetterV1(), CorrectedClaimV1(), VerifyAndCloseV1(), EligibilityOrOtherPayerV1(), BillPatientV1(), WriteOffV1(), PaymentDisputeV1(), PaymentDisputeV2()]);

    public IEnumerable<WorkflowDefinition> All => _all.Values;

    /// <summary>The newest version of a route: what a new case starts on.</summary>
    public WorkflowDefinition Latest(string route) =>
        _all.Values.Where(d => d.Route == route).MaxBy(d => d.Version)
        ?? throw new InvalidOperationException($"No workflow definition for route '{route}'.");

    public WorkflowDefinition? Find(string route, int version) => _all.GetValueOrDefault((route, version));

    /// <summary>Appeal with a letter, levels 1..n per payer type: draft, sign off, submit, decision, escalate or close.</summary>
    internal static WorkflowDefinition AppealLetterV1() => new RouteBuilder(WorkflowRoutes.AppealLetter, 1)
        .State("drafting", DenialCaseStatus.InProgress)
        .State("signed_off", DenialCaseStatus.InProgress)
        .State("submitted", DenialCaseStatus.Appealed)
        .State("overturned", DenialCaseStatus.Recovered, final: true)
        .State("partly_overturned", DenialCaseStatus.InProgress)
        .State("upheld", DenialCaseStatus.InProgress)
        .State("closed_partly", DenialCaseStatus.PartiallyRecovered, final: true)
        .State("closed_upheld", DenialCaseStatus.Upheld, final: true)
        .Move(Open, Start, "drafting")
        .Move("drafting", SignOff, "signed_off", MoveGuard.LetterSignedOff)
        .Move("signed_off", "revise", "drafting")
        .Move("signed_off", Submit, "submitted", MoveGuard.LetterSignedOff, MoveEffect.Submitted)
        .Move("submitted", Paid, "overturned")
        .Move("submitted", PartlyPaid, "partly_overturned")
        .Move("submitted", Denied, "upheld")
        .Move("upheld", Escalate, "drafting", MoveGuard.HigherLevelExists, MoveEffect.NextLevel)
        .Move("partly_overturned", Escalate, "drafting", MoveGuard.HigherLevelExists, MoveEffect.NextLevel)
        .Move("upheld", Close, "closed_upheld")
        .Move("partly_overturned", Close, "closed_partly")
        // A write-off is not asked for while the payer is deciding.
        .NoWriteOffFrom("submitted")
        .Build(paidState: "overturned", partlyPaidState: "partly_overturned");

    /// <summary>Correct and resubmit the claim (missing data, coding).</summary>
    internal static WorkflowDefinition CorrectedClaimV1() => new RouteBuilder(WorkflowRoutes.CorrectedClaim, 1)
        .State("correcting", DenialCaseStatus.InProgress)
        .State("resubmitted", DenialCaseStatus.Appealed)
        .State("recovered", DenialCaseStatus.Recovered, final: true)
        .State("partly_recovered", DenialCaseStatus.InProgress)
        .State("denied_again", DenialCaseStatus.InProgress)
        .State("closed_partly", DenialCaseStatus.PartiallyRecovered, final: true)
        .State("closed_upheld", DenialCaseStatus.Upheld, final: true)
        .Move(Open, Start, "correcting")
        .Move("correcting", Resubmit, "resubmitted", effect: MoveEffect.Submitted)
        .Move("resubmitted", Paid, "recovered")
        .Move("resubmitted", PartlyPaid, "partly_recovered")
        .Move("resubmitted", Denied, "denied_again")
        .Move("denied_again", "correct_again", "correcting")
        .Move("denied_again", Close, "closed_upheld")
        .Move("partly_recovered", Close, "closed_partly")
        .Build(paidState: "recovered", partlyPaidState: "partly_recovered");

    /// <summary>Duplicate: check that the original was paid and close, or resubmit when it was not.</summary>
    internal static WorkflowDefinition VerifyAndCloseV1() => new RouteBuilder(WorkflowRoutes.VerifyAndClose, 1)
        .State("verifying", DenialCaseStatus.InProgress)
        .State("closed", DenialCaseStatus.Closed, final: true)
        .State("resubmitted", DenialCaseStatus.Appealed)
        .State("recovered", DenialCaseStatus.Recovered, final: true)
        .State("partly_recovered", DenialCaseStatus.PartiallyRecovered, final: true)
        .Move(Open, Start, "verifying")
        .Move("verifying", "confirm_duplicate", "closed")
        .Move("verifying", Resubmit, "resubmitted", effect: MoveEffect.Submitted)
        .Move("resubmitted", Paid, "recovered")
        .Move("resubmitted", PartlyPaid, "partly_recovered")
        .Move("resubmitted", Denied, "verifying")
        .Build(paidState: "recovered", partlyPaidState: "partly_recovered");

    /// <summary>Eligibility or coordination of benefits: re-verify coverage, then resubmit or bill the other payer.</summary>
    internal static WorkflowDefinition EligibilityOrOtherPayerV1() => new RouteBuilder(WorkflowRoutes.EligibilityOrOtherPayer, 1)
        .State("verifying_eligibility", DenialCaseStatus.InProgress)
        .State("resubmitted", DenialCaseStatus.Appealed)
        .State("billed_other_payer", DenialCaseStatus.Appealed)
        .State("recovered", DenialCaseStatus.Recovered, final: true)
        .State("partly_recovered", DenialCaseStatus.PartiallyRecovered, final: true)
        .Move(Open, Start, "verifying_eligibility")
        .Move("verifying_eligibility", Resubmit, "resubmitted", effect: MoveEffect.Submitted)
        .Move("verifying_eligibility", "bill_other_payer", "billed_other_payer", effect: MoveEffect.Submitted)
        .Move("resubmitted", Paid, "recovered")
        .Move("billed_other_payer", Paid, "recovered")
        .Move("resubmitted", Denied, "verifying_eligibility")
        .Move("billed_other_payer", Denied, "verifying_eligibility")
        .Build(paidState: "recovered", partlyPaidState: "partly_recovered");

    /// <summary>The money is the patient's to pay: bill the patient; uncollectible balances go to write-off.</summary>
    internal static WorkflowDefinition BillPatientV1() => new RouteBuilder(WorkflowRoutes.BillPatient, 1)
        .State("billing_patient", DenialCaseStatus.InProgress)
        .State("patient_billed", DenialCaseStatus.InProgress)
        .State("closed", DenialCaseStatus.Closed, final: true)
        .State("recovered", DenialCaseStatus.Recovered, final: true)
        .State("partly_recovered", DenialCaseStatus.PartiallyRecovered, final: true)
        .Move(Open, Start, "billing_patient")
        .Move("billing_patient", "patient_billed", "patient_billed")
        .Move("patient_billed", "patient_paid", "closed")
        .Move("patient_billed", "uncollectible", WriteOffRequested)
        .Build(paidState: "recovered", partlyPaidState: "partly_recovered");

    /// <summary>A write-off asked for up front; a manager approves or rejects it.</summary>
    internal static WorkflowDefinition WriteOffV1() => new RouteBuilder(WorkflowRoutes.WriteOff, 1)
        .State("recovered", DenialCaseStatus.Recovered, final: true)
        .State("partly_recovered", DenialCaseStatus.PartiallyRecovered, final: true)
        .Move(Open, RequestWriteOff, WriteOffRequested)
        .Build(paidState: "recovered", partlyPaidState: "partly_recovered");

    /// <summary>
    /// Underpayment (issue 16): dispute the payment with the payer (a payment dispute or reconsideration quoting the contract),
    /// then a later ERA that pays the difference closes it as recovered, as outcomes close denials.
    /// </summary>
    internal static WorkflowDefinition PaymentDisputeV1() => new RouteBuilder(WorkflowRoutes.PaymentDispute, 1)
        .State("disputing", DenialCaseStatus.InProgress)
        .State("submitted", DenialCaseStatus.Appealed)
        .State("recovered", DenialCaseStatus.Recovered, final: true)
        .State("partly_recovered", DenialCaseStatus.InProgress)
        .State("refused", DenialCaseStatus.InProgress)
        .State("closed_partly", DenialCaseStatus.PartiallyRecovered, final: true)
        .State("closed_upheld", DenialCaseStatus.Upheld, final: true)
        .Move(Open, Start, "disputing")
        .Move("disputing", Submit, "submitted", effect: MoveEffect.Submitted)
        .Move("submitted", Paid, "recovered")
        .Move("submitted", PartlyPaid, "partly_recovered")
        .Move("submitted", Denied, "refused")
        .Move("refused", "dispute_again", "disputing")
        .Move("refused", Close, "closed_upheld")
        .Move("partly_recovered", Close, "closed_partly")
        .Build(paidState: "recovered", partlyPaidState: "partly_recovered");

    /// <summary>
    /// Underpayment, v2 (issue 16): the dispute goes to the payer as a letter (the contract's terms, expected and paid per line),
    /// drafted, signed off and submitted as an appeal letter is; v1 cases keep submitting without one.
    /// </summary>
    internal static WorkflowDefinition PaymentDisputeV2() => new RouteBuilder(WorkflowRoutes.PaymentDispute, 2)
        .State("disputing", DenialCaseStatus.InProgress)
        .State("signed_off", DenialCaseStatus.InProgress)
        .State("submitted", DenialCaseStatus.Appealed)
        .State("recovered", DenialCaseStatus.Recovered, final: true)
        .State("partly_recovered", DenialCaseStatus.InProgress)
        .State("refused", DenialCaseStatus.InProgress)
        .State("closed_partly", DenialCaseStatus.PartiallyRecovered, final: true)
        .State("closed_upheld", DenialCaseStatus.Upheld, final: true)
        .Move(Open, Start, "disputing")
        .Move("disputing", SignOff, "signed_off", MoveGuard.LetterSignedOff)
        .Move("signed_off", "revise", "disputing")
        .Move("signed_off", Submit, "submitted", MoveGuard.LetterSignedOff, MoveEffect.Submitted)
        .Move("submitted", Paid, "recovered")
        .Move("submitted", PartlyPaid, "partly_recovered")
        .Move("submitted", Denied, "refused")
        .Move("refused", "dispute_again", "disputing")
        .Move("refused", Close, "closed_upheld")
        .Move("partly_recovered", Close, "closed_partly")
        .NoWriteOffFrom("submitted")
        .Build(paidState: "recovered", partlyPaidState: "partly_recovered");
}
