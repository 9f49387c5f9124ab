using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.ML.Scoring;
using Appeals.Workflows.Deadlines;
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
public sealed class MlCaseRescoring(AppealsDbContext db, CaseDeadlinePlanner planner, CarcCatalog catalog, IOptions<ModelsOptions> options,
    TimeProvider time) : ICaseRescoring
{
    public async Task<int> RescoreOpenCasesAsync(CancellationToken ct) => (await RescoreAsync(null, ct)).Rescored;

    /// <summary>
    /// Rescores every open case with <paramref name="modelFile"/>, else the model the configuration chooses. A case the
    /// planner has not seen yet is planned first, so that its priority reads the payer's deadline (or the planner's flag
    /// that there is none): the score never makes one up (ADR 0061).
    /// </summary>
    public async Task<RescoreResult> RescoreAsync(string? modelFile, CancellationToken ct)
    {
        var scorer = options.Value.Store().OpenScorer(catalog, modelFile);
        while (await planner.PlanUnplannedAsync(CaseRescorer.BatchSize, ct) > 0)
            db.ChangeTracker.Clear();
        var scored = await new CaseRescorer(db, scorer, time).RescoreOpenCasesAsync(ct);
        return new RescoreResult(scored, scorer.Source);
    }
}
