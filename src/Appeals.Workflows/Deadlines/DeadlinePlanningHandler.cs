using Appeals.Core.Imports;
using Appeals.Core.Persistence;

namespace Appeals.Workflows.Deadlines;

/// <summary>
/// Gives the denial cases a newly imported remittance opened their appeal deadline at once, so the queue and
/// `deadlines list` show it right after an import rather than after the next daily sweep.
/// </summary>
public sealed class DeadlinePlanningHandler : IImportedRemittanceHandler
{
    public async Task HandleAsync(AppealsDbContext db, long remittanceId, CancellationToken ct)
    {
        await new CaseDeadlinePlanner(db, new AppealRuleBook(db))
            .PlanUnplannedAsync(c => c.ClaimPayment!.RemittanceId == remittanceId, int.MaxValue, ct);
        // A batch runs this once per transaction on one context: keep what it loaded from piling up.
        db.ChangeTracker.Clear();
    }
}
