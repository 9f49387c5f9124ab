using Appeals.Core.Workflow;

namespace Appeals.Core.Denials;

/// <summary>
/// What happens to a case, as methods that keep its invariants: each renews the concurrency stamp (<see cref="Version"/>),
/// so that a change made from a stale copy is refused when it is saved (the stamp is the case's concurrency token).
/// </summary>
public sealed partial class DenialCase
{
    /// <summary>Gives the case to <paramref name="userName"/> (a claim, when it is the user's own). The status does not move
    /// here: claiming an open case also starts its workflow, which records the move (CaseWorkflow).</summary>
    public void AssignTo(string userName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        _assignedTo = userName;
        RenewVersion();
    }

    /// <summary>Records what later remittances paid on the denied claim, in total. False (nothing renewed) when it is unchanged.</summary>
    public bool RecordRecovery(decimal recovered)
    {
        if (recovered < 0) throw new ArgumentOutOfRangeException(nameof(recovered), recovered, "A recovery cannot be negative.");
        if (recovered == RecoveredAmount) return false;
        _recoveredAmount = recovered;
        RenewVersion();
        return true;
    }

    /// <summary>Links the case to the earlier denial of the same claim (a re-denial), or unlinks it (null). False when unchanged.</summary>
    public bool LinkEarlierCase(long? earlierCaseId)
    {
        if (earlierCaseId == Id) throw new ArgumentException("A case cannot be its own earlier denial.", nameof(earlierCaseId));
        if (EarlierCaseId == earlierCaseId) return false;
        _earlierCaseId = earlierCaseId;
        RenewVersion();
        return true;
    }

    /// <summary>
    /// Applies a score: chance of recovery, expected recovery, the reasons, which model, when, and the queue priority it
    /// gives. It does not renew the stamp: a score is not something a person acts against, and renewing it would refuse
    /// every move made from a page opened before the nightly rescoring. A stale copy is still refused on save.
    /// </summary>
    public void ApplyScore(double probability, decimal expectedRecovery, string explanation, string source, DateTimeOffset scoredAt, decimal priority)
    {
        if (probability is < 0 or > 1 || double.IsNaN(probability))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability is between 0 and 1.");
        _recoveryProbability = probability;
        _expectedRecovery = expectedRecovery;
        _scoreExplanation = explanation;
        _scoreSource = source;
        _scoredAt = scoredAt;
        _priority = priority;
    }

    /// <summary>Sets the deadline the planner computed (or none), with why, and whether a payer rule is missing.</summary>
    public void SetDeadline(DateOnly? fileBy, string basis, bool ruleMissing)
    {
        _appealDeadline = fileBy;
        _deadlineBasis = basis.Length > 1000 ? basis[..1000] : basis;
        _deadlineRuleMissing = ruleMissing;
        RenewVersion();
    }

    /// <summary>The deadline passed with nothing filed: flagged, and out of the queue's order (priority 0, DESIGN.md step 5).</summary>
    public void MarkDeadlineMissed()
    {
        _deadlineMissed = true;
        _priority = 0;
        RenewVersion();
    }

    /// <summary>A missed deadline no longer stands (a new level's clock, or a replanned rule gives more time).</summary>
    public void ClearDeadlineMissed()
    {
        if (!DeadlineMissed) return;
        _deadlineMissed = false;
        RenewVersion();
    }

    /// <summary>Puts the case on a workflow route at its first state; the caller records the move (<see cref="RecordMove"/>).</summary>
    public void StartWorkflow(string route, int definitionVersion, string initialState, int appealLevel)
    {
        _workflowRoute = route;
        _workflowVersion = definitionVersion;
        _workflowState = initialState;
        _appealLevel = appealLevel;
        _levelNoticeDate ??= DenialDate;
        RenewVersion();
    }

    /// <summary>The first submission to the payer (an appeal or a corrected claim); later ones keep the first date.</summary>
    public void MarkSubmitted(DateTimeOffset at) => _firstAppealedAt ??= at;

    /// <summary>The payer decided and the case goes to the next appeal level, whose clock starts on <paramref name="notice"/>.</summary>
    public void OpenNextAppealLevel(DateOnly notice)
    {
        _appealLevel++;
        _levelNoticeDate = notice;
        _deadlineMissed = false;
        RenewVersion();
    }

    /// <summary>
    /// The only way a case's status changes: a workflow move to <paramref name="toState"/>, whose definition gives the
    /// status (closed at <paramref name="at"/> when final). Returns the transition row, already attached to the case,
    /// for the caller to add: no status moves without its row.
    /// </summary>
    public WorkflowTransition RecordMove(string toState, DenialCaseStatus status, bool final, string fromState, string trigger,
        string actor, string reason, DateTimeOffset at)
    {
        if (!Enum.IsDefined(status)) throw new ArgumentOutOfRangeException(nameof(status), status, "Not a case status.");
        _workflowState = toState;
        _status = status;
        _closedAt = final ? at : null;
        RenewVersion();
        return new WorkflowTransition
        {
            DenialCaseId = Id, DenialCase = this, Route = WorkflowRoute, WorkflowVersion = WorkflowVersion,
            FromState = fromState, ToState = toState, Trigger = trigger, AppealLevel = AppealLevel,
            Actor = actor, Reason = reason.Length > 2000 ? reason[..2000] : reason, OccurredAt = at,
        };
    }

    private void RenewVersion() => _version = ConcurrencyStamp.New();
}
