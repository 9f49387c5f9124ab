using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Appeals.Workflows.Jobs;

/// <summary>Rescoring of open cases, implemented by the ML feature (Appeals.ML's CaseRescorer) and registered by the host.</summary>
public interface ICaseRescoring
{
    /// <summary>Rescores every open case; returns how many were scored.</summary>
    Task<int> RescoreOpenCasesAsync(CancellationToken ct);
}

/// <summary>Retraining, implemented by the ML feature and registered by the host.</summary>
public interface IModelRetraining
{
    /// <summary>When the current model was trained (null when none is).</summary>
    Task<DateTimeOffset?> LastTrainedAtAsync(CancellationToken ct);

    /// <summary>Trains on every known outcome and publishes the model.</summary>
    Task RetrainAsync(CancellationToken ct);
}

/// <summary>Configuration section <c>Retraining</c>.</summary>
public sealed class RetrainingOptions
{
    /// <summary>New closed outcomes needed since the last training before retraining is worth it.</summary>
    public int MinimumNewOutcomes { get; set; } = 200;
}

/// <summary>The nightly ML jobs. Both do nothing (and say so in the log) when no ML implementation is registered.</summary>
public sealed partial class ModelJobs(AppealsDbContext db, IEnumerable<ICaseRescoring> rescoring, IEnumerable<IModelRetraining> retraining,
    Microsoft.Extensions.Options.IOptions<RetrainingOptions> options, ILogger<ModelJobs> logger)
{
    // One at a time across nodes, like every recurring job (see DeadlineSweepJob).
    [DisableConcurrentExecution(timeoutInSeconds: 30 * 60)]
    public async Task<int> RescoreAsync(CancellationToken ct)
    {
        var scorer = rescoring.FirstOrDefault();
        if (scorer is null)
        {
            NotRegistered(logger, nameof(ICaseRescoring));
            return 0;
        }
        return await scorer.RescoreOpenCasesAsync(ct);
    }

    /// <summary>Retrains when enough outcomes closed since the last training. Returns true when it retrained.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 30 * 60)]
    public async Task<bool> RetrainIfEnoughOutcomesAsync(CancellationToken ct)
    {
        var trainer = retraining.FirstOrDefault();
        if (trainer is null)
        {
            NotRegistered(logger, nameof(IModelRetraining));
            return false;
        }
        var since = await trainer.LastTrainedAtAsync(ct);
        // Outcomes are few; counting in memory keeps the DateTimeOffset comparison portable to SQLite.
        var closed = await db.DenialCases.AsNoTracking()
            .Where(c => c.ClosedAt != null && c.Status != DenialCaseStatus.Closed)
            .Select(c => c.ClosedAt!.Value).ToListAsync(ct);
        var fresh = closed.Count(at => since is null || at > since);
        if (fresh < options.Value.MinimumNewOutcomes) return false;
        await trainer.RetrainAsync(ct);
        return true;
    }

    [LoggerMessage(LogLevel.Warning, "No {Service} is registered: the job did nothing")]
    private static partial void NotRegistered(ILogger logger, string service);
}
