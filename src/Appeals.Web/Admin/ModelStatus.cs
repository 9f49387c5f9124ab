using Appeals.Core.Audit;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.ML.Training;
using Appeals.Workflows.Jobs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Appeals.Web.Admin;

/// <summary>A retraining an admin queued, and what Hangfire says about it now.</summary>
public sealed record RetrainRun(string JobId, string QueuedBy, DateTimeOffset QueuedAt, string State, string? Detail);

/// <summary>The nightly retraining job as Hangfire's recurring-job table has it (null fields: never ran / not registered).</summary>
public sealed record NightlyRetrain(DateTime? LastRun, string? LastState, DateTime? NextRun);

/// <summary>What the model page shows: the model in use (or the cold start), its holdout metrics and the thresholds.</summary>
public sealed record ModelStatus(
    string? ModelFile,
    bool Shipped,
    ModelMetadata? Metadata,
    bool ColdStart,
    string ScoringWith,
    int MinimumOutcomes,
    int MinimumNewOutcomes,
    int NewOutcomesSinceTraining,
    RetrainRun? LastRetrain,
    NightlyRetrain Nightly,
    int TrainingRows,
    int TrainingMinimumRows);

/// <summary>Reads the model status from the model folder's metadata .json (never the model zip) and Hangfire.</summary>
public sealed class ModelStatusReader(AppealsDbContext db, IOptions<ModelsOptions> models, IOptions<RetrainingOptions> retraining, JobStorage jobs)
{
    public async Task<ModelStatus> ReadAsync(CancellationToken ct)
    {
        var store = models.Value.Store();
        var path = store.Newest();
        var metadata = path is null ? null : ModelMetadataFile.Read(path);
        // Mirrors ModelStore.OpenScorer: no model, or one that learned from too few outcomes, scores with the base rates.
        var coldStart = metadata is null || metadata.RowsTotal < store.MinimumOutcomes;
        var scoringWith = metadata is null
            ? "Cold start: no model yet, cases are scored with the benchmark base rates by category and payer type."
            : coldStart
                ? $"Cold start: model {metadata.Version} learned from {metadata.RowsTotal:N0} outcomes, fewer than {store.MinimumOutcomes:N0}; cases are scored with the benchmark base rates."
                : $"Model {metadata.Version} scores the cases.";
        var shipped = path is not null && !SameFolder(Path.GetDirectoryName(path)!, store.Directory);
        var closed = await db.DenialCases.AsNoTracking()
            .Where(c => c.ClosedAt != null && c.Status != DenialCaseStatus.Closed)
            .Select(c => c.ClosedAt!.Value).ToListAsync(ct);
        var fresh = closed.Count(at => metadata is null || at > metadata.TrainedAt);
        // What a retraining would learn from (DatabaseHistory.LabelledAsync): the imported history and every closed case.
        var closedStatuses = DenialCaseStatus.All.Where(s => s.IsClosed).ToList();
        var trainingRows = await db.HistoricalDenials.CountAsync(ct) + await db.DenialCases.CountAsync(c => closedStatuses.Contains(c.Status), ct);
        return new ModelStatus(path is null ? null : Path.GetFileName(path), shipped, metadata, coldStart, scoringWith,
            store.MinimumOutcomes, retraining.Value.MinimumNewOutcomes, fresh, await LastRetrainAsync(ct), Nightly(),
            trainingRows, new TrainingOptions().MinimumRows);
    }

    private async Task<RetrainRun?> LastRetrainAsync(CancellationToken ct)
    {
        var queued = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.ModelRetrain)
            .OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct);
        if (queued is null) return null;
        var details = jobs.GetMonitoringApi().JobDetails(queued.EntityId);
        var state = details?.History.OrderByDescending(h => h.CreatedAt).FirstOrDefault();
        var detail = state?.Data is { } data && data.TryGetValue("ExceptionMessage", out var message) ? message : state?.Reason;
        return new RetrainRun(queued.EntityId, queued.UserName, queued.At, state?.StateName ?? "unknown (job no longer kept)", detail);
    }

    private NightlyRetrain Nightly()
    {
        using var connection = jobs.GetConnection();
        var job = connection.GetRecurringJobs([RecurringJobs.Retrain]).FirstOrDefault(j => !j.Removed);
        return new NightlyRetrain(job?.LastExecution, job?.LastJobState, job?.NextExecution);
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
