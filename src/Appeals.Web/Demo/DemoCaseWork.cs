using Appeals.Core.Demo;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Workflows.Routing;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Demo;

/// <summary>
/// What a billing team would have done with the demo's older denials, so that a first start shows decided appeals:
/// corrected claims resubmitted before the payer's later remittance pays them (overturned by the ERA, with money), and
/// some resubmitted claims denied again and closed (upheld). Each move runs through the real workflow, dated on the
/// day it would have happened (its own clock), by <see cref="Actor"/>.
/// </summary>
internal sealed class DemoCaseWork(AppealsDbContext db, WorkflowDefinitions definitions, ILogger logger)
{
    public static readonly WorkflowActor Actor = WorkflowActor.System("demo-seed");
    private readonly SettableClock _clock = new();

    private static readonly HashSet<string> ResubmitRoutes = [WorkflowRoutes.CorrectedClaim, WorkflowRoutes.VerifyAndClose, WorkflowRoutes.EligibilityOrOtherPayer];

    /// <summary>
    /// Resubmits, on the day they would have been, the open cases denied before <paramref name="cutoff"/> whose payment
    /// is still to come (so the later ERA records an overturn), and one in three of the other corrected claims.
    /// </summary>
    public async Task<int> ResubmitAsync(DemoDataSet truth, DateOnly cutoff, CancellationToken ct)
    {
        var recoveries = truth.Denials.Where(d => d.RecoveryDate >= cutoff).ToDictionary(d => d.PatientControlNumber, d => d.RecoveryDate!.Value);
        var open = await db.DenialCases.AsNoTracking().Where(c => c.Status == DenialCaseStatus.Open && c.DenialDate < cutoff)
            .OrderBy(c => c.Id).ToListAsync(ct);
        var resubmitted = 0;
        foreach (var c in open.Where(c => ResubmitRoutes.Contains(WorkflowRoutes.For(c))))
        {
            DateOnly on;
            if (recoveries.TryGetValue(c.PatientControlNumber, out var paidOn)) on = Later(c.DenialDate.AddDays(3), paidOn.AddDays(-30));
            else if (WorkflowRoutes.For(c) == WorkflowRoutes.CorrectedClaim && c.Id % 3 == 0) on = c.DenialDate.AddDays(21);
            else continue;
            if (on >= cutoff) on = cutoff.AddDays(-1);
            if (await FireAsync(c.Id, WorkflowTriggers.Start, on.AddDays(-2), ct) && await FireAsync(c.Id, WorkflowTriggers.Resubmit, on, ct)) resubmitted++;
        }
        return resubmitted;
    }

    /// <summary>Corrected claims resubmitted long enough ago that no payment came: the payer denied them again, and they were closed.</summary>
    public async Task<int> CloseUnpaidAsync(DateOnly today, CancellationToken ct)
    {
        var unpaid = await db.DenialCases.AsNoTracking()
            .Where(c => c.WorkflowRoute == WorkflowRoutes.CorrectedClaim && c.WorkflowState == "resubmitted" && c.FirstAppealedAt != null)
            .Select(c => new { c.Id, c.FirstAppealedAt }).ToListAsync(ct);
        var closed = 0;
        foreach (var c in unpaid)
        {
            var decided = DateOnly.FromDateTime(c.FirstAppealedAt!.Value.UtcDateTime).AddDays(35);
            if (decided > today) continue;
            if (await FireAsync(c.Id, WorkflowTriggers.Denied, decided, ct) && await FireAsync(c.Id, WorkflowTriggers.Close, decided.AddDays(2), ct)) closed++;
        }
        return closed;
    }

    private async Task<bool> FireAsync(long caseId, string trigger, DateOnly on, CancellationToken ct)
    {
        _clock.Now = new DateTimeOffset(on.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
        var result = await new CaseWorkflow(db, definitions, _clock).FireAsync(caseId, trigger, Actor, "demo data", ct);
        db.ChangeTracker.Clear();
        if (!result.Succeeded) logger.LogWarning("Demo case {CaseId}: {Trigger} refused: {Error}", caseId, trigger, result.Error?.Message);
        return result.Succeeded;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
