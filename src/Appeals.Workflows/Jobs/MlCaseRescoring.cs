using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.ML.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows.Jobs;

/// <summary>Configuration section <c>Models</c> (shared with the ML commands).</summary>
public sealed class ModelsOptions
{
    public string Path { get; set; } = ModelStore.DefaultDirectory;
    public int MinimumOutcomes { get; set; } = ModelStore.DefaultMinimumOutcomes;
    /// <summary>Days after the remit date before an imported outcome with no resolution date counts in history features (ADR 0045).</summary>
    public int OutcomeLagDays { get; set; }

    /// <summary>The model folder these options describe.</summary>
    public ModelStore Store() => new(Path, MinimumOutcomes);
}

/// <summary>How many open cases a rescoring scored, and with which model (or the base rates).</summary>
public sealed record RescoreResult(int Rescored, string Source);

/// <summary>
/// Rescoring through Appeals.ML: the newest model in <c>Models:Path</c>, else the base rates. The nightly job and
/// `appeals ml rescore` both run this, so the CLI rescores exactly as the jobs do.
/// </summary>
public sealed class MlCaseRescoring(AppealsDbContext db, CarcCatalog catalog, IOptions<ModelsOptions> options, TimeProvider time) : ICaseRescoring
{
    /// <summary>The planner's wording for routes with no payer deadline (CaseDeadlinePlanner).</summary>
    private const string NoDeadlineBasis = "No payer appeal deadline";

    public async Task<int> RescoreOpenCasesAsync(CancellationToken ct) => (await RescoreAsync(null, ct)).Rescored;

    /// <summary>Rescores every open case with <paramref name="modelFile"/>, else the model the configuration chooses.</summary>
    public async Task<RescoreResult> RescoreAsync(string? modelFile, CancellationToken ct)
    {
        var scorer = options.Value.Store().OpenScorer(catalog, modelFile);
        var scored = await new CaseRescorer(db, scorer, time).RescoreOpenCasesAsync(ct);
        // CaseRescorer fills a missing deadline with a payer-type default. Where the planner decided there
        // is none — a payer flagged for having no rule, a route with no payer deadline — that default would
        // hide the flag (ADR 0061), so it is taken back.
        await db.DenialCases
            .Where(c => c.AppealDeadline != null && (c.DeadlineRuleMissing || c.DeadlineBasis.StartsWith(NoDeadlineBasis)))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AppealDeadline, (DateOnly?)null), ct);
        return new RescoreResult(scored, scorer.Source);
    }
}
