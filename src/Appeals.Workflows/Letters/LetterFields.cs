namespace Appeals.Workflows.Letters;

/// <summary>
/// The placeholders a template may use, after Reference/appeal_letter_elements.csv. A template with any
/// other {{Name}} is refused; a letter with any of its placeholders unfilled is not produced.
/// </summary>
public static class LetterFields
{
    // Filled from the case, its claim and remittance.
    public const string LetterDate = "LetterDate";
    public const string PayerName = "PayerName";
    public const string PracticeName = "PracticeName";
    public const string ProviderNpi = "ProviderNpi";
    public const string PatientName = "PatientName";
    public const string MemberId = "MemberId";
    public const string MedicareNumber = "MedicareNumber";
    public const string ClaimNumber = "ClaimNumber";
    public const string PatientAccountNumber = "PatientAccountNumber";
    public const string DenialDate = "DenialDate";
    public const string InitialDeterminationDate = "InitialDeterminationDate";
    public const string ServiceDates = "ServiceDates";
    public const string ServicesAppealed = "ServicesAppealed";
    public const string BilledAmount = "BilledAmount";
    public const string DeniedAmount = "DeniedAmount";
    public const string DenialReason = "DenialReason";
    public const string AppealLevel = "AppealLevel";
    public const string DeadlineBasis = "DeadlineBasis";

    // Filled for an underpayment case from the payer's contract and the claim's paid lines (issue 16).
    public const string ContractTerms = "ContractTerms";
    public const string PaymentVariance = "PaymentVariance";
    public const string ShortfallAmount = "ShortfallAmount";

    // From configuration (Letters:Fields:*): who appeals and how to reach them.
    public const string PracticeAddress = "PracticeAddress";
    public const string AppellantName = "AppellantName";
    public const string AppellantRelationship = "AppellantRelationship";
    public const string AppellantContact = "AppellantContact";
    public const string SignatureName = "SignatureName";

    // From the specialist writing the letter.
    public const string GroupNumber = "GroupNumber";
    public const string Argument = "Argument";
    public const string Enclosures = "Enclosures";
    public const string ClinicalSummary = "ClinicalSummary";
    public const string AuthorizationNumber = "AuthorizationNumber";
    public const string OriginalSubmissionDate = "OriginalSubmissionDate";
    public const string ProofOfSubmission = "ProofOfSubmission";
    public const string CorrectionSummary = "CorrectionSummary";
    public const string ExpeditedRequest = "ExpeditedRequest";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        LetterDate, PayerName, PracticeName, ProviderNpi, PatientName, MemberId, MedicareNumber, ClaimNumber,
        PatientAccountNumber, DenialDate, InitialDeterminationDate, ServiceDates, ServicesAppealed, BilledAmount,
        DeniedAmount, DenialReason, AppealLevel, DeadlineBasis, ContractTerms, PaymentVariance, ShortfallAmount, PracticeAddress, AppellantName, AppellantRelationship,
        AppellantContact, SignatureName, GroupNumber, Argument, Enclosures, ClinicalSummary, AuthorizationNumber,
        OriginalSubmissionDate, ProofOfSubmission, CorrectionSummary, ExpeditedRequest,
    };

    /// <summary>The fields a specialist types on the case page, in the order the form shows them.</summary>
    public static readonly IReadOnlyList<string> FromSpecialist =
    [
        Argument, ClinicalSummary, Enclosures, GroupNumber, AuthorizationNumber, OriginalSubmissionDate, ProofOfSubmission, CorrectionSummary,
    ];

    /// <summary>The fields that come from configuration (<c>Letters:Fields:*</c>) unless the case supplies them.</summary>
    private static readonly IReadOnlySet<string> Configured = new HashSet<string>(StringComparer.Ordinal)
    {
        PracticeName, PracticeAddress, AppellantName, AppellantRelationship, AppellantContact,
    };

    private static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Argument] = "Argument (why the denial is wrong)",
        [AuthorizationNumber] = "Authorization number",
        [ProofOfSubmission] = "Proof of timely submission",
        [CorrectionSummary] = "What was corrected",
        [ProviderNpi] = "Provider NPI",
        [MedicareNumber] = "Medicare number",
        [MemberId] = "Member id",
    };

    /// <summary>A field in words: "GroupNumber" reads "Group number".</summary>
    public static string Label(string field) =>
        Labels.TryGetValue(field, out var label) ? label
            : string.Concat(field.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>What to tell the person generating a letter when <paramref name="field"/> has no value: what is missing and who supplies it.</summary>
    public static string Missing(string field) =>
        FromSpecialist.Contains(field) ? $"{Label(field)} is needed: fill it in."
        : Configured.Contains(field) ? $"{Label(field)} is needed: an admin sets Letters:Fields:{field} in the configuration."
        : field == SignatureName ? $"{Label(field)} is needed: the signed-in user's name is used unless Letters:Fields:{field} is set."
        : $"{Label(field)} is needed, but the case and its claim have none; the template asks for {{{{{field}}}}}.";
}
