using System.Data.Common;
using System.Text.Json;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Imports;

/// <summary>One run of one <see cref="ImportBatch"/>: import, keep its row's progress current, record the result, remove the upload.</summary>
internal sealed class ImportBatchRun(Guid id, IServiceScopeFactory scopes, TimeProvider clock, ILogger logger)
{
    private DateTimeOffset _lastWrite;
    private int _filesDone;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        ImportBatch? batch;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppealsDbContext>();
            batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == id, stoppingToken);
            // Queued twice (a resume and a new upload racing), or already finished: nothing to do.
            if (batch is null || batch.State != ImportBatchState.Queued) return;
            batch.State = ImportBatchState.Running;
            batch.StartedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(stoppingToken);
        }

        try
        {
            ImportSummary summary;
            // The importer gets a scope (and context) of its own: it manages its context's tracking as it needs.
            await using (var scope = scopes.CreateAsyncScope())
                summary = await scope.ServiceProvider.GetRequiredService<RemittanceImporter>()
                    .ImportAsync([batch.UploadFolder], new ImportOptions { Actor = batch.UserName, AuditEntityType = "ImportJob", AuditEntityId = batch.Id.ToString() },
                        new Progress(this), stoppingToken);
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppealsDbContext>();
                var done = await db.ImportBatches.SingleAsync(b => b.Id == id, stoppingToken);
                done.State = ImportBatchState.Done;
                done.FilesDone = summary.Files;
                done.SummaryJson = JsonSerializer.Serialize(summary, ImportJobs.Json);
                done.FinishedAt = clock.GetUtcNow();
                // The importer wrote the audit entry (who uploaded, the counts), as it does for every host.
                await db.SaveChangesAsync(stoppingToken);
            }
            logger.LogInformation("Import job {Job} done: {Files} files, {Rejected} rejected", batch.Id, summary.Files, summary.Rejected);
            Delete(batch.UploadFolder);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the row stays "running" and the files stay on disk, so the next start resumes it.
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import job {Job} failed", batch.Id);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AppealsDbContext>().ImportBatches.Where(b => b.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.State, ImportBatchState.Failed)
                .SetProperty(b => b.Failure, e.Message.Length > 1000 ? e.Message[..1000] : e.Message)
                .SetProperty(b => b.FinishedAt, clock.GetUtcNow()), stoppingToken);
            Delete(batch.UploadFolder);
        }
    }

    /// <summary>
    /// Writes progress to the row from its own context. The importer reports between transactions, so
    /// writing here (and not from a timer) never lands inside one of its transactions: on SQLite a write
    /// committed between its read and its first insert would make it retry until it times out.
    /// </summary>
    private void WriteProgress(ImportProgress value)
    {
        var now = clock.GetUtcNow();
        if (value.FilesDone == _filesDone && now - _lastWrite < ImportJobRunner.ProgressInterval) return;
        _lastWrite = now;
        _filesDone = value.FilesDone;
        try
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<AppealsDbContext>().ImportBatches
                .Where(b => b.Id == id && b.State == ImportBatchState.Running)
                .ExecuteUpdate(s => s.SetProperty(b => b.BytesRead, value.BytesRead).SetProperty(b => b.TotalBytes, value.TotalBytes)
                    .SetProperty(b => b.FilesDone, value.FilesDone));
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // A missed progress write only makes the bar lag; the run writes the final state itself.
            logger.LogWarning(e, "Import job {Job}: progress not written", id);
        }
    }

    private static void Delete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* left for the temp cleanup */ }
        catch (UnauthorizedAccessException) { /* likewise */ }
    }

    private sealed class Progress(ImportBatchRun run) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => run.WriteProgress(value);
    }
}
