using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.ML.History;
using Appeals.ML.Training;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows.Jobs;

/// <summary>
/// Retraining through Appeals.ML: the imported history plus every closed case is the training set, and the
/// new model is published into <c>Models:Path</c>, where the next rescoring finds it as the newest.
/// </summary>
public sealed class MlModelRetraining(AppealsDbContext db, CarcCatalog catalog, IOptions<ModelsOptions> options, TimeProvider time)
    : IModelRetraining
{
    /// <summary>Reads the date from the metadata .json beside the newest model: loading the whole zip for it cost seconds.</summary>
    public Task<DateTimeOffset?> LastTrainedAtAsync(CancellationToken ct) =>
        Task.FromResult(options.Value.Store().Newest() is { } path ? ModelMetadataFile.Read(path).TrainedAt : (DateTimeOffset?)null);

    /// <remarks>Not retried by Hangfire: when an admin queues it and it fails, the admin page shows why at once;
    /// ten automatic retries of the same data would fail the same way for hours.</remarks>
    [Hangfire.AutomaticRetry(Attempts = 0)]
    public async Task RetrainAsync(CancellationToken ct)
    {
        var rows = await DatabaseHistory.LabelledAsync(db, ct);
        var model = new RecoveryTrainer(catalog, time).Train(rows, new TrainingOptions { OutcomeLagDays = options.Value.OutcomeLagDays }, "database");
        options.Value.Store().Publish(model);
    }
}
