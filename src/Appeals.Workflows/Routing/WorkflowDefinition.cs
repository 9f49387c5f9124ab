namespace Appeals.Workflows.Routing;

/// <summary>
/// One version of one route's state machine, as data: its states (with the manager-level status each
/// stands for) and the moves allowed between them. A case records the version it started on and is
/// always run on that version, so publishing a new one never breaks open cases.
/// </summary>
public sealed record WorkflowDefinition(
    string Route,
    int Version,
    string InitialState,
    IReadOnlyList<WorkflowStateDefinition> States,
    IReadOnlyList<WorkflowMove> Moves)
{
    public WorkflowStateDefinition State(string name) =>
        States.FirstOrDefault(s => s.Name == name)
        ?? throw new InvalidOperationException($"Workflow {Route} v{Version} has no state '{name}'.");

    public bool HasState(string name) => States.Any(s => s.Name == name);

    public IEnumerable<WorkflowMove> MovesFrom(string state) => Moves.Where(m => m.From == state);
}

/// <summary>A state of a route.</summary>
/// <param name="Name">e.g. "drafting".</param>
/// <param name="CaseStatus">The status a case in this state has.</param>
/// <param name="Final">The case is closed: no person's move leaves a final state; only a take-back an import records reopens a recovered one (ADR 0105).</param>
public sealed record WorkflowStateDefinition(string Name, Appeals.Core.Denials.DenialCaseStatus CaseStatus, bool Final = false);

/// <summary>An allowed move: from a state, on a trigger, to a state, when the guard holds, with an effect on the case.</summary>
public sealed record WorkflowMove(string From, string Trigger, string To, MoveGuard Guard = MoveGuard.None, MoveEffect Effect = MoveEffect.None);

/// <summary>Conditions a move can require. Each is checked against facts loaded before the move.</summary>
public enum MoveGuard
{
    None,
    /// <summary>The latest letter version of the case's current level is signed off by a user.</summary>
    LetterSignedOff,
    /// <summary>The actor is a manager (or admin): write-offs need one.</summary>
    ManagerApproval,
    /// <summary>The payer's rules have a level above the case's current one.</summary>
    HigherLevelExists,
    /// <summary>Only an import makes the move (a take-back on a later ERA, which carries the amount): never a person.</summary>
    ImportOnly,
}

/// <summary>What a move does to the case besides changing its state.</summary>
public enum MoveEffect
{
    None,
    /// <summary>Something went to the payer: sets FirstAppealedAt the first time.</summary>
    Submitted,
    /// <summary>Goes to the next appeal level; the decision just received starts its clock.</summary>
    NextLevel,
    /// <summary>Reopened by a payer's new notice (a take-back): the current level's clock starts again and its deadline is replanned.</summary>
    Reopened,
}
