using static Appeals.Workflows.Letters.LetterFields;

namespace Appeals.Workflows.Letters;

/// <summary>A line of a template: an optional bold label and text with placeholders.</summary>
internal sealed record TemplateLine(string? Label, string Text);

/// <summary>The wording of each shipped template, after Reference/appeal_letter_elements.csv.</summary>
internal static class LetterTemplateTexts
{
    private static string F(string field) => "{{" + field + "}}";

    private static TemplateLine L(string label, string field) => new(label, F(field));

    private static TemplateLine T(string text) => new(null, text);

    // The elements every provider appeal carries (patient, member id, services and dates, claim and
    // denial, reason, argument, enclosures, appellant and contact, signature, level). The deadline's basis (rule, citation, source) is ours, not the payer's to read:
    // it stays on the case page.
    private static IEnumerable<TemplateLine> Claim(string memberLabel = "Member ID", string memberField = MemberId) =>
    [
        L("Patient", PatientName), L(memberLabel, memberField), L("Claim number", ClaimNumber),
        L("Patient account", PatientAccountNumber), L("Date(s) of service", ServiceDates),
        L("Services appealed", ServicesAppealed), L("Billed", BilledAmount), L("Denied", DeniedAmount),
        L("Denial date", DenialDate), L("Denial reason", DenialReason),
    ];

    private static IEnumerable<TemplateLine> Closing() =>
    [
        L("Enclosures", Enclosures),
        L("Appeal level", AppealLevel),
        L("Appellant", AppellantName), L("Relationship to the patient", AppellantRelationship),
        L("Contact", AppellantContact), L("Rendering provider NPI", ProviderNpi),
        T("Signature: ______________________"), L("Printed name", SignatureName),
    ];

    public static (string Title, IReadOnlyList<TemplateLine> Body) For(string kind) => kind switch
    {
        LetterKinds.MedicalNecessity => ("Appeal: medical necessity", [
            .. Claim(), L("Group number", GroupNumber),
            T("We ask you to reconsider the denial above. The services were medically necessary for this patient."),
            L("Clinical summary", ClinicalSummary), L("Why the denial should be reversed", Argument), .. Closing()]),
        LetterKinds.PriorAuthorization => ("Appeal: prior authorization", [
            .. Claim(), L("Group number", GroupNumber), L("Authorization or reference number", AuthorizationNumber),
            T("The services were authorized (or authorization was not required) as shown by the enclosed records."),
            L("Why the denial should be reversed", Argument), .. Closing()]),
        LetterKinds.TimelyFiling => ("Appeal: timely filing", [
            .. Claim(), L("Original submission date", OriginalSubmissionDate), L("Proof of timely submission", ProofOfSubmission),
            T("The claim was submitted within the filing limit; the enclosed proof shows the date it was accepted."),
            L("Why the denial should be reversed", Argument), .. Closing()]),
        LetterKinds.CorrectedClaimCover => ("Corrected claim", [
            .. Claim(), L("What was corrected", CorrectionSummary),
            T("Please process the enclosed corrected claim, which replaces the claim above."), .. Closing()]),
        LetterKinds.MedicareRedetermination => ("Medicare redetermination request (CMS-20027 elements)", [
            L("1. Beneficiary's name", PatientName), L("2. Medicare number", MedicareNumber),
            L("3. Item or service you wish to appeal", ServicesAppealed), L("4. Date the service or item was received", ServiceDates),
            L("5. Date of the initial determination notice", InitialDeterminationDate), L("Claim number", ClaimNumber),
            L("Denial reason", DenialReason),
            T("I do not agree with the determination of my claim. MY REASONS ARE:"), L("Reasons", Argument),
            L("6. Name of the person appealing", AppellantName), L("7. Relationship to the beneficiary", AppellantRelationship),
            L("8. Address, telephone and email", AppellantContact), L("Evidence enclosed", Enclosures),
            L("Rendering provider NPI", ProviderNpi),
            T("Signature of the person appealing: ______________________"), L("Printed name", SignatureName),
            L("Date signed", LetterDate)]),
        LetterKinds.MedicareAdvantageReconsideration => ("Request for reconsideration (Medicare Advantage)", [
            .. Claim("Plan member ID"), L("Expedited review requested", ExpeditedRequest),
            T("This is a request for reconsideration of the plan's organization determination above."),
            L("Why the determination should be changed", Argument), .. Closing()]),
        LetterKinds.CommercialInternalAppeal => ("Internal appeal", [
            .. Claim(), L("Group number", GroupNumber),
            T("We request an internal appeal of the adverse benefit determination above."),
            L("Why the denial should be reversed", Argument), .. Closing()]),
        LetterKinds.UnderpaymentDispute => ("Payment dispute: paid below the contract", [
            L("Patient", PatientName), L("Member ID", MemberId), L("Claim number", ClaimNumber),
            L("Patient account", PatientAccountNumber), L("Date(s) of service", ServiceDates), L("Billed", BilledAmount),
            T("The claim above was paid below the allowed amounts of our agreement with you. We ask you to reprocess it at the contracted rates and pay the difference."),
            L("Contract terms", ContractTerms), L("Expected and allowed, line by line", PaymentVariance), L("Shortfall", ShortfallAmount),
            L("Remittance date", DenialDate), .. Closing()]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown letter kind."),
    };
}
