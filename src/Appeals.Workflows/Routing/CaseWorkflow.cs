using Appeals.Core.Denials;
using Appeals.Core.Letters;
using Appeals.Core.Persistence;
using Appeals.Core.Workflow;
using Appeals.Workflows.Deadlines;
using Microsoft.EntityFrameworkCore;
using Stateless;

namespace Appeals.Workflows.Routing;

/// <summary>
/// Moves denial cases through their route's state machine (Stateless over the case's own
/// WorkflowState), on the definition version the case started on, and records every move.
/// </summary>
public sealed class CaseWorkflow(AppealsDbContext db, WorkflowDefinitions definitions, TimeProvider time)
{
    public const string RouteTrigger = "route";

    /// <summary>
    /// The payer rules to plan deadlines and check guards with. Unset, each move reads them afresh; a batch
    /// (the ERA outcomes of one remittance) shares one book, which reads each payer's rules once.
    /// </summary>
    public AppealRuleBook? Rules { get; init; }

    private AppealRuleBook RuleBook() => Rules ?? new AppealRuleBook(db);

    /// <summary>
    /// Unset, each move's transition row is added to the context (saved with the case). Set, the rows go here instead and the
    /// caller writes them, with the cases, set-based (the ERA outcomes of one remittance, ADR 0077): the cases are then not
    /// tracked either, and nothing of a move reaches the context.
    /// </summary>
    internal ICollection<WorkflowTransition>? Transitions { get; init; }

    /// <summary>Fires a trigger on a case and saves. Routes the case first when it has no workflow yet.</summary>
    public async Task<WorkflowResult> FireAsync(long caseId, string trigger, WorkflowActor actor, string reason = "", CancellationToken ct = default)
    {
        var denial = await db.DenialCases.Include(c => c.Payer).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (denial is null)
            return WorkflowResult.Refused(WorkflowErrorCode.CaseNotFound, $"Denial case {caseId} does not exist.");
        var result = await ApplyAsync(denial, trigger, actor, reason, ct);
        return result.Succeeded ? await SaveAsync(result) : result;
    }

    /// <summary>Puts a case on a route (by its category unless given) at the newest definition version, and saves.</summary>
    public async Task<WorkflowResult> RouteAsync(long caseId, WorkflowActor actor, string? route = null, CancellationToken ct = default)
    {
        var denial = await db.DenialCases.Include(c => c.Payer).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (denial is null)
            return WorkflowResult.Refused(WorkflowErrorCode.CaseNotFound, $"Denial case {caseId} does not exist.");
        if (denial.WorkflowRoute.Length > 0)
            return WorkflowResult.Refused(WorkflowErrorCode.IllegalMove, $"Case {caseId} is already on route {denial.WorkflowRoute}.");
        return await SaveAsync(await RouteCoreAsync(denial, route ?? WorkflowRoutes.For(denial), actor, ct));
    }

    /// <summary>The triggers allowed now for this actor (guards evaluated), for the UI's buttons.</summary>
    public async Task<IReadOnlyList<string>> PermittedTriggersAsync(DenialCase denial, WorkflowActor actor, CancellationToken ct = default)
    {
        var definition = DefinitionOf(denial);
        if (definition is null || !definition.HasState(denial.WorkflowState))
            return [];
        var facts = await GuardFacts.LoadAsync(db, denial, RuleBook(), ct);
        return (await Machine(denial, definition, facts, actor).GetPermittedTriggersAsync()).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Fires a trigger on a tracked case without saving (the caller saves with its own changes).</summary>
    public Task<WorkflowResult> ApplyAsync(DenialCase denial, string trigger, WorkflowActor actor, string reason, CancellationToken ct) =>
        ApplyAsync(denial, trigger, actor, reason, preloaded: null, ct);

    /// <summary>As <see cref="ApplyAsync(DenialCase, string, WorkflowActor, string, CancellationToken)"/>, with the guards' facts read for many cases at once.</summary>
    internal async Task<WorkflowResult> ApplyAsync(DenialCase denial, string trigger, WorkflowActor actor, string reason,
        GuardFacts.Preloaded? preloaded, CancellationToken ct)
    {
        if (denial.WorkflowRoute.Length == 0)
        {
            var routed = await RouteCoreAsync(denial, WorkflowRoutes.For(denial), actor, ct);
            if (!routed.Succeeded) return routed;
        }
        var definition = DefinitionOf(denial);
        if (definition is null || !definition.HasState(denial.WorkflowState))
            return WorkflowResult.Refused(WorkflowErrorCode.UnknownDefinition,
                $"Case {denial.Id} is on {denial.WorkflowRoute} v{denial.WorkflowVersion} state '{denial.WorkflowState}', which no published definition has.");

        var from = denial.WorkflowState;
        var move = definition.MovesFrom(from).FirstOrDefault(m => m.Trigger == trigger);
        var facts = preloaded is not null ? await preloaded.ForAsync(denial, ct) : await GuardFacts.LoadAsync(db, denial, RuleBook(), ct);
        if (move is null)
        {
            var allowed = (await Machine(denial, definition, facts, actor).GetPermittedTriggersAsync()).Order(StringComparer.Ordinal);
            return WorkflowResult.Refused(WorkflowErrorCode.IllegalMove,
                $"'{trigger}' is not allowed from '{from}' on {definition.Route} v{definition.Version}. Allowed now: {string.Join(", ", allowed)}.");
        }
        if (!facts.Holds(move.Guard, actor))
            return WorkflowResult.Refused(WorkflowErrorCode.GuardFailed, $"'{trigger}' from '{from}' needs: {GuardFacts.Describe(move.Guard)}.");

        // Stateless checks the move on a copy of the state; the case takes it only through RecordMove, with its transition row.
        var state = Fire(definition, facts, actor, from, trigger);
        await ApplyEffectAsync(denial, move.Effect, ct);
        return WorkflowResult.Moved(Record(denial, definition, state, from, trigger, actor, reason));
    }

    private async Task<WorkflowResult> RouteCoreAsync(DenialCase denial, string route, WorkflowActor actor, CancellationToken ct)
    {
        var definition = definitions.Latest(route);
        denial.StartWorkflow(route, definition.Version, definition.InitialState, route == WorkflowRoutes.AppealLetter ? 1 : 0);
        await new CaseDeadlinePlanner(db, RuleBook()).PlanAsync(denial, ct);
        return WorkflowResult.Moved(Record(denial, definition, definition.InitialState, "", RouteTrigger, actor, $"Routed by category {denial.Category}."));
    }

    private WorkflowDefinition? DefinitionOf(DenialCase denial) => definitions.Find(denial.WorkflowRoute, denial.WorkflowVersion);

    /// <summary>
    /// Fires <paramref name="trigger"/> from <paramref name="from"/> on a Stateless machine of the definition and returns the state
    /// it moves to. One machine per definition version and actor serves every case this workflow moves (a remittance moves
    /// thousands): the case's state and guard facts are put in its slot before each move.
    /// </summary>
    private string Fire(WorkflowDefinition definition, GuardFacts facts, WorkflowActor actor, string from, string trigger)
    {
        var key = (definition.Route, definition.Version, actor);
        if (!_machines.TryGetValue(key, out var machine))
        {
            var slot = new MachineSlot();
            machine = (Machine(() => slot.State, s => slot.State = s, definition, () => slot.Facts, actor), slot);
            _machines[key] = machine;
        }
        machine.Slot.State = from;
        machine.Slot.Facts = facts;
        machine.Machine.Fire(trigger);
        return machine.Slot.State;
    }

    private readonly Dictionary<(string Route, int Version, WorkflowActor Actor), (StateMachine<string, string> Machine, MachineSlot Slot)> _machines = [];

    private sealed class MachineSlot
    {
        public string State = "";
        public GuardFacts Facts = new(false, false);
    }

    private static StateMachine<string, string> Machine(DenialCase denial, WorkflowDefinition definition, GuardFacts facts, WorkflowActor actor)
    {
        var state = denial.WorkflowState;
        return Machine(() => state, s => state = s, definition, () => facts, actor);
    }

    private static StateMachine<string, string> Machine(Func<string> read, Action<string> write, WorkflowDefinition definition, Func<GuardFacts> facts,
        WorkflowActor actor)
    {
        var machine = new StateMachine<string, string>(read, write);
        foreach (var state in definition.States)
        {
            var configuration = machine.Configure(state.Name);
            foreach (var move in definition.MovesFrom(state.Name))
                configuration.PermitIf(move.Trigger, move.To, () => facts().Holds(move.Guard, actor), GuardFacts.Describe(move.Guard));
        }
        return machine;
    }

    private async Task ApplyEffectAsync(DenialCase denial, MoveEffect effect, CancellationToken ct)
    {
        switch (effect)
        {
            case MoveEffect.None:
                break;
            case MoveEffect.Submitted:
                denial.MarkSubmitted(time.GetUtcNow());
                break;
            case MoveEffect.NextLevel:
                denial.OpenNextAppealLevel(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
                await new CaseDeadlinePlanner(db, RuleBook()).PlanAsync(denial, ct);
                break;
            case MoveEffect.Reopened:
                denial.RestartLevelClock(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
                await new CaseDeadlinePlanner(db, RuleBook()).PlanAsync(denial, ct);
                break;
            default:
                throw new InvalidOperationException($"Unhandled move effect {effect}.");
        }
    }

    private WorkflowTransition Record(DenialCase denial, WorkflowDefinition definition, string to, string from, string trigger, WorkflowActor actor,
        string reason)
    {
        var state = definition.State(to);
        var transition = denial.RecordMove(to, state.CaseStatus, state.Final, from, trigger, actor.Name, reason, time.GetUtcNow());
        if (Transitions is { } batch) batch.Add(transition);
        else db.WorkflowTransitions.Add(transition);
        return transition;
    }

    private async Task<WorkflowResult> SaveAsync(WorkflowResult result)
    {
        try
        {
            await db.SaveChangesAsync();
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkflowResult.Refused(WorkflowErrorCode.ConcurrentChange, "Someone else changed this case meanwhile: reload it and try again.");
        }
    }
}
