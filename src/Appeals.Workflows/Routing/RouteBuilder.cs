using Appeals.Core.Denials;
using static Appeals.Workflows.Routing.WorkflowTriggers;

namespace Appeals.Workflows.Routing;

/// <summary>
/// Writes a route definition and adds the moves every route shares: a payment from the payer at any
/// open state (payers reprocess on their own), a write-off request that a manager approves, and a take-back that reopens
/// a case closed with money recovered.
/// </summary>
internal sealed class RouteBuilder(string route, int version)
{
    public const string Open = "open";
    public const string WriteOffRequested = "write_off_requested";
    public const string WrittenOff = "written_off";

    private readonly List<WorkflowStateDefinition> _states = [new(Open, DenialCaseStatus.Open)];
    private readonly List<WorkflowMove> _moves = [];
    private readonly HashSet<string> _noWriteOff = [];

    public RouteBuilder State(string name, DenialCaseStatus status, bool final = false)
    {
        _states.Add(new WorkflowStateDefinition(name, status, final));
        return this;
    }

    public RouteBuilder Move(string from, string trigger, string to, MoveGuard guard = MoveGuard.None, MoveEffect effect = MoveEffect.None)
    {
        _moves.Add(new WorkflowMove(from, trigger, to, guard, effect));
        return this;
    }

    /// <summary>Keeps the shared write-off request away from a state (e.g. while the payer is deciding).</summary>
    public RouteBuilder NoWriteOffFrom(string state)
    {
        _noWriteOff.Add(state);
        return this;
    }

    /// <summary>Adds the shared moves and returns the definition.</summary>
    /// <param name="paidState">Where a full payment takes the case.</param>
    /// <param name="partlyPaidState">Where a partial payment takes the case.</param>
    public WorkflowDefinition Build(string paidState, string partlyPaidState)
    {
        if (!_states.Any(s => s.Name == WriteOffRequested))
            State(WriteOffRequested, DenialCaseStatus.InProgress);
        if (!_states.Any(s => s.Name == WrittenOff))
            State(WrittenOff, DenialCaseStatus.WrittenOff, final: true);

        foreach (var state in _states.Where(s => !s.Final).Select(s => s.Name).ToList())
        {
            if (state != paidState) AddIfMissing(state, Paid, paidState);
            if (state != partlyPaidState) AddIfMissing(state, PartlyPaid, partlyPaidState);
            if (state != WriteOffRequested && !_noWriteOff.Contains(state)) AddIfMissing(state, RequestWriteOff, WriteOffRequested);
        }
        AddIfMissing(WriteOffRequested, ApproveWriteOff, WrittenOff, MoveGuard.ManagerApproval);
        AddIfMissing(WriteOffRequested, RejectWriteOff, Open);
        // A take-back of the money a case was closed with reopens it (ADR 0105): the one move out of a final state, made only
        // by an import, and only from the states that closed with money recovered.
        foreach (var state in _states.Where(s => s.Final && s.CaseStatus is DenialCaseStatus.Recovered or DenialCaseStatus.PartiallyRecovered))
            AddIfMissing(state.Name, TakeBack, Open, MoveGuard.ImportOnly, MoveEffect.Reopened);
        return new WorkflowDefinition(route, version, Open, _states.ToList(), _moves.ToList());
    }

    private void AddIfMissing(string from, string trigger, string to, MoveGuard guard = MoveGuard.None, MoveEffect effect = MoveEffect.None)
    {
        if (!_moves.Any(m => m.From == from && m.Trigger == trigger))
            _moves.Add(new WorkflowMove(from, trigger, to, guard, effect));
    }
}
