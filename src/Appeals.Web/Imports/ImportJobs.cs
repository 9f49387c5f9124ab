using System.Text.Json;
using System.Threading.Channels;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Imports;

/// <summary>
/// Queues uploads for the background importer. Each upload is an <see cref="ImportBatch"/> row, written
/// before the job is queued and updated by the job as it runs, so the page always reads its state from
/// the database: a refresh, another server process or a restart shows the truth.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>();

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ImportBatch> EnqueueAsync(string userName, IReadOnlyList<string> fileNames, string folder, CancellationToken ct)
    {
        var batch = new ImportBatch
        {
            Id = Guid.NewGuid(), UserName = userName, FileNames = string.Join('\n', fileNames), FileCount = fileNames.Count,
            UploadFolder = folder, CreatedAt = clock.GetUtcNow(),
        };
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppealsDbContext>();
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync(ct);
        }
        _queue.Writer.TryWrite(batch.Id);
        return batch;
    }

    internal void Requeue(Guid id) => _queue.Writer.TryWrite(id);

    internal ChannelReader<Guid> Pending => _queue.Reader;

    public static ImportSummary? SummaryOf(ImportBatch batch) =>
        batch.SummaryJson is null ? null : JsonSerializer.Deserialize<ImportSummary>(batch.SummaryJson, Json);
}

/// <summary>
/// Runs queued imports one at a time through the real importer (it writes in large transactions; two
/// at once would only wait on each other), writing progress to the batch's row about twice a second.
/// At start it picks up uploads that a stopped process left queued or running: their files are still
/// on disk, and importing a file again only finishes what was not stored.
/// </summary>
public sealed class ImportJobRunner(ImportJobs jobs, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportJobRunner> logger) : BackgroundService
{
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ResumeUnfinishedAsync(stoppingToken);
        await foreach (var id in jobs.Pending.ReadAllAsync(stoppingToken))
            await new ImportBatchRun(id, scopes, clock, logger).RunAsync(stoppingToken);
    }

    private async Task ResumeUnfinishedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppealsDbContext>();
        var unfinished = await db.ImportBatches.Where(b => b.State == ImportBatchState.Queued || b.State == ImportBatchState.Running)
            .OrderBy(b => b.CreatedAt).ToListAsync(ct);
        foreach (var batch in unfinished)
        {
            if (Directory.Exists(batch.UploadFolder))
            {
                batch.State = ImportBatchState.Queued;
                jobs.Requeue(batch.Id);
                logger.LogInformation("Import job {Job} was left unfinished by a stop: queued again", batch.Id);
            }
            else
            {
                batch.State = ImportBatchState.Failed;
                batch.Failure = "The server stopped during this import and its uploaded files are gone. Files stored before the stop stay imported; upload the rest again.";
                batch.FinishedAt = clock.GetUtcNow();
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
