using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Workflows.Routing;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Deadlines;

/// <summary>Computes a case's next appeal deadline and writes it, with its basis, on the case.</summary>
public sealed class CaseDeadlinePlanner(AppealsDbContext db, AppealRuleBook rules)
{
    /// <summary>
    /// Plans the deadline of the case's current level and sets <see cref="DenialCase.AppealDeadline"/>
    /// (the file-by date), <see cref="DenialCase.DeadlineBasis"/> and <see cref="DenialCase.DeadlineRuleMissing"/>.
    /// Does not save.
    /// </summary>
    public async Task<DeadlineResult?> PlanAsync(DenialCase denial, CancellationToken ct = default)
    {
        var route = WorkflowRoutes.Current(denial);
        if (WorkflowRoutes.DeadlineLevel(route, denial.AppealLevel) is not { } level)
        {
            Apply(denial, null, $"No payer appeal deadline on the {route} route.", missing: false);
            return null;
        }
        var payer = denial.Payer ?? await db.Payers.FindAsync([denial.PayerId], ct)
            ?? throw new InvalidOperationException($"Denial case {denial.Id} has no payer {denial.PayerId}.");
        var notice = denial.LevelNoticeDate ?? denial.DenialDate;
        var startedBy = level <= 1 ? "the remittance (initial determination)" : $"the level {level - 1} decision";
        var result = AppealDeadlineCalculator.Compute(await rules.FindAsync(payer, level, ct), notice, startedBy);
        switch (result)
        {
            case DeadlineResult.Computed c:
                Apply(denial, c.Deadline.FileBy, $"Due {c.Deadline.DueDate:yyyy-MM-dd}, file by {c.Deadline.FileBy:yyyy-MM-dd}. {c.Deadline.Basis}", missing: false);
                break;
            case DeadlineResult.NoRule n:
                Apply(denial, null, $"FLAGGED: {n.Reason}", missing: true);
                break;
            case DeadlineResult.ForwardedByPayer f:
                Apply(denial, null, $"{f.Rule.Name} (level {f.Rule.Level}): {f.Rule.ClockStartsFrom}; nothing to file. {f.Rule.Citation}", missing: false);
                break;
            default:
                throw new InvalidOperationException($"Unhandled deadline result {result.GetType().Name}.");
        }
        return result;
    }

    /// <summary>
    /// Plans every open case that has no deadline basis yet, at most <paramref name="limit"/> of them, and saves.
    /// Returns how many were planned. (The import plans each case before storing it; this catches the rest.)
    /// </summary>
    public async Task<int> PlanUnplannedAsync(int limit, CancellationToken ct = default)
    {
        var unplanned = await db.DenialCases.AwaitingFiling().Include(c => c.Payer).Where(c => c.DeadlineBasis == "")
            .Take(limit).ToListAsync(ct);
        foreach (var denial in unplanned)
            await PlanAsync(denial, ct);
        await db.SaveChangesAsync(ct);
        return unplanned.Count;
    }

    private static void Apply(DenialCase denial, DateOnly? deadline, string basis, bool missing) =>
        denial.SetDeadline(deadline, basis, missing);
}
