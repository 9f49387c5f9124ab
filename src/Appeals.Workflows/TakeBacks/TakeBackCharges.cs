using Appeals.Core.Persistence;
using Appeals.Core.TakeBacks;
using Appeals.Workflows.Deadlines;
using Appeals.Workflows.Routing;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.TakeBacks;

/// <summary>A case a take-back reopened, with the move that did it.</summary>
public sealed record ReopenedCase(long CaseId, WorkflowResult Result);

/// <summary>
/// Charges linked take-backs against their cases' recoveries and reopens the cases that had closed with money recovered
/// (ADR 0105): the workflow's <see cref="WorkflowTriggers.TakeBack"/> move, which only an import may make, takes such a case back
/// to its route's open state, in the queue again, with the taken-back amount on it and its level's clock restarted. A case in
/// any other state keeps its state; the amount is charged all the same. Does not save. Two queries (the cases, their letters)
/// whatever the number of take-backs.
/// </summary>
internal sealed class TakeBackCharges(AppealsDbContext db, WorkflowDefinitions definitions, TimeProvider time)
{
    public async Task<IReadOnlyList<ReopenedCase>> ApplyAsync(IReadOnlyList<TakeBack> rows, long remittanceId, CancellationToken ct)
    {
        var byCase = rows.Where(r => r.DenialCaseId is not null).GroupBy(r => r.DenialCaseId!.Value).OrderBy(g => g.Key).ToList();
        if (byCase.Count == 0) return [];
        var ids = byCase.Select(g => g.Key).ToList();
        var cases = await db.DenialCases.Include(c => c.Payer).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var workflow = new CaseWorkflow(db, definitions, time) { Rules = new AppealRuleBook(db) };
        var facts = await GuardFacts.PreloadAsync(db, ids, workflow.Rules, ct);
        var actor = WorkflowActor.System("take-back");
        var reopened = new List<ReopenedCase>();
        foreach (var group in byCase)
        {
            var denial = cases[group.Key];
            var recoveredBefore = denial.RecoveredAmount;
            var charged = 0m;
            foreach (var row in group) charged += denial.RecordTakeBack(row.Amount);
            // Only a closed case can be reopened (an unstarted one would be routed first by the workflow).
            if (denial.ClosedAt is null || denial.WorkflowRoute.Length == 0) continue;
            var plbs = string.Join(", ", group.Select(r => $"{r.ReasonCode} {r.Amount:0.00} (claim {r.ClaimPaymentId})"));
            var reason = $"Take-back on remittance {remittanceId}: PLB {plbs}; {charged:0.00} of the {recoveredBefore:0.00} recovered taken back.";
            // Refused (the case is not closed as recovered) is no error: the case stays where it is, with the amount charged.
            var moved = await workflow.ApplyAsync(denial, WorkflowTriggers.TakeBack, actor, reason, facts, ct);
            if (moved.Succeeded) reopened.Add(new ReopenedCase(denial.Id, moved));
        }
        return reopened;
    }
}
