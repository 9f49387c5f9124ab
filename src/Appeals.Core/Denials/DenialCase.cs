using Appeals.Core.Remittances;

namespace Appeals.Core.Denials;

/// <summary>
/// The unit of work: one claim on one remittance with money denied on it. Specialists work cases;
/// the case carries its classification, its score and (from the workflow) its state.
/// </summary>
public sealed partial class DenialCase
{
    // Set when the case is created (the detector, test builders); afterwards only DenialCaseChanges' methods change them.
    private long? _earlierCaseId;
    private decimal _recoveredAmount;
    private DenialCaseStatus _status = DenialCaseStatus.Open;
    private DateTimeOffset? _firstAppealedAt;
    private DateTimeOffset? _closedAt;
    private bool _deadlineMissed;
    private string _assignedTo = "";
    private double? _recoveryProbability;
    private decimal? _expectedRecovery;
    private string _scoreExplanation = "";
    private string _scoreSource = "";
    private DateTimeOffset? _scoredAt;
    private decimal _priority;
    private DateOnly? _appealDeadline;
    private string _deadlineBasis = "";
    private bool _deadlineRuleMissing;
    private string _workflowRoute = "";
    private int _workflowVersion;
    private string _workflowState = "";
    private int _appealLevel;
    private DateOnly? _levelNoticeDate;
    private Guid _version = ConcurrencyStamp.New();

    public long Id { get; set; }

    public long ClaimPaymentId { get; set; }
    public ClaimPayment? ClaimPayment { get; set; }

    /// <summary>
    /// When the payer denied the same claim before (a re-denial on a later ERA), the case of that earlier
    /// denial: each denial stays its own case (DESIGN.md: one claim on one remittance), and the link makes
    /// them one history for the specialist. Set by the workflow's ERA outcome handler, in any import order.
    /// </summary>
    public long? EarlierCaseId { get => _earlierCaseId; init => _earlierCaseId = value; }

    // Denormalised from the claim so that the queue and the dashboard filter and group without joins.
    public long PayerId { get; set; }
    public Payer? Payer { get; set; }
    public required string PatientControlNumber { get; set; }
    public string PayerClaimControlNumber { get; set; } = "";
    public string RenderingProviderId { get; set; } = "";
    /// <summary>Procedure code of the line with the largest denied amount (empty for claim-level denials).</summary>
    public string ProcedureCode { get; set; } = "";
    public DateOnly? ServiceDate { get; set; }
    /// <summary>The remittance's payment date (BPR16), else its production date: when the denial was issued.</summary>
    public DateOnly DenialDate { get; set; }

    /// <summary>Category of the largest denied amount (CARC map).</summary>
    public required string Category { get; set; }
    /// <summary>The CARC and group of the largest denied amount, e.g. "CO-197".</summary>
    public required string PrimaryReason { get; set; }
    public bool Avoidable { get; set; }
    /// <summary>True when the denied money was shifted to the patient (PR with a non-covered CARC).</summary>
    public bool ShiftedToPatient { get; set; }

    public decimal BilledAmount { get; set; }
    public decimal DeniedAmount { get; set; }
    /// <summary>A <see cref="CaseKinds"/> value: a denial (money refused) or an underpayment (money short-paid against the contract).</summary>
    public string Kind { get; set; } = CaseKinds.Denial;
    /// <summary>For an underpayment case: contracted allowed less actual allowed, summed over the claim's short-paid lines.</summary>
    public decimal? ShortfallAmount { get; set; }

    /// <summary>Money paid on the denied claim by later remittances.</summary>
    public decimal RecoveredAmount { get => _recoveredAmount; init => _recoveredAmount = value; }

    /// <summary>Where the case stands; stored as its code ("in_progress"). Only a workflow move changes it (<see cref="RecordMove"/>).</summary>
    public DenialCaseStatus Status { get => _status; init => _status = value; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the first appeal (or corrected claim) for this case was submitted.</summary>
    public DateTimeOffset? FirstAppealedAt { get => _firstAppealedAt; init => _firstAppealedAt = value; }
    public DateTimeOffset? ClosedAt { get => _closedAt; init => _closedAt = value; }
    /// <summary>True once an appeal deadline passed with nothing submitted.</summary>
    public bool DeadlineMissed { get => _deadlineMissed; init => _deadlineMissed = value; }
    /// <summary>The user working the case; empty when unassigned.</summary>
    public string AssignedTo { get => _assignedTo; init => _assignedTo = value; }

    // Score (from Appeals.ML): probability of recovery and expected recovery = p x denied amount.
    public double? RecoveryProbability { get => _recoveryProbability; init => _recoveryProbability = value; }
    public decimal? ExpectedRecovery { get => _expectedRecovery; init => _expectedRecovery = value; }
    /// <summary>The features that moved the score most, in words, separated by "; ".</summary>
    public string ScoreExplanation { get => _scoreExplanation; init => _scoreExplanation = value; }
    /// <summary>Which model (or "base-rate") produced the score.</summary>
    public string ScoreSource { get => _scoreSource; init => _scoreSource = value; }
    public DateTimeOffset? ScoredAt { get => _scoredAt; init => _scoredAt = value; }
    /// <summary>Queue order: expected recovery raised as the deadline nears, zero once it passed.</summary>
    public decimal Priority { get => _priority; init => _priority = value; }
    /// <summary>The next appeal deadline, when known.</summary>
    public DateOnly? AppealDeadline { get => _appealDeadline; init => _appealDeadline = value; }

    /// <summary>Why <see cref="AppealDeadline"/> is that date (rule, level, citation, what started the clock), or why there is none.</summary>
    public string DeadlineBasis { get => _deadlineBasis; init => _deadlineBasis = value; }
    /// <summary>True when the payer has no appeal rule for the case's level: flagged for an admin, never defaulted.</summary>
    public bool DeadlineRuleMissing { get => _deadlineRuleMissing; init => _deadlineRuleMissing = value; }

    // Workflow (Appeals.Workflows): the route the category picked, the definition version the case
    // started on (a changed definition never moves open cases), and where it stands.
    /// <summary>The workflow route, e.g. "appeal_letter"; empty until the workflow starts.</summary>
    public string WorkflowRoute { get => _workflowRoute; init => _workflowRoute = value; }
    /// <summary>The workflow definition version this case runs on.</summary>
    public int WorkflowVersion { get => _workflowVersion; init => _workflowVersion = value; }
    /// <summary>The state within the route, e.g. "drafting"; empty until the workflow starts.</summary>
    public string WorkflowState { get => _workflowState; init => _workflowState = value; }
    /// <summary>Current appeal level: 0 before any appeal (or for a corrected claim), 1 first appeal...</summary>
    public int AppealLevel { get => _appealLevel; init => _appealLevel = value; }
    /// <summary>The date of the notice that started the current level's clock (the denial, or the last decision).</summary>
    public DateOnly? LevelNoticeDate { get => _levelNoticeDate; init => _levelNoticeDate = value; }

    /// <summary>Optimistic concurrency token: two people never take the same case unknowingly.</summary>
    public Guid Version { get => _version; init => _version = value; }
}

/// <summary>What a case is about: the queue holds both kinds; <c>cases list --kind</c> filters by it (issue 16).</summary>
public static class CaseKinds
{
    public const string Denial = "denial";
    public const string Underpayment = "underpayment";

    public static readonly IReadOnlyList<string> All = [Denial, Underpayment];

    /// <summary>The <see cref="DenialCase.Category"/> of every underpayment case (the dashboard's denial rollups leave it out).</summary>
    public const string UnderpaymentCategory = "underpayment";
}

public static class DenialCaseQueries
{
    /// <summary>Cases that still need something filed with the payer (open or in progress): what deadlines apply to.</summary>
    public static IQueryable<DenialCase> AwaitingFiling(this IQueryable<DenialCase> cases) =>
        cases.Where(c => c.Status == DenialCaseStatus.Open || c.Status == DenialCaseStatus.InProgress);

    /// <summary>
    /// Cases awaiting filing whose deadline passed before <paramref name="today"/> but which the daily sweep has not
    /// marked missed yet. It seeks IX_DenialCases_Deadlines by status, unmarked, then date, so it reads only what passed
    /// since the last sweep. The flag is compared with a parameter on purpose: EF Core writes <c>== false</c> as
    /// <c>NOT "DeadlineMissed"</c>, which SQLite cannot seek by, and would then walk every passed deadline.
    /// </summary>
    public static IQueryable<DenialCase> PassedNotYetMarked(this IQueryable<DenialCase> cases, DateOnly today)
    {
        var unmarked = false;
        return cases.AwaitingFiling().Where(c => c.DeadlineMissed == unmarked && c.AppealDeadline != null && c.AppealDeadline < today);
    }
}
