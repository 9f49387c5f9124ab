using System.Collections.Concurrent;
using System.Threading.Channels;
using Appeals.Core.Audit;
using Appeals.Core.Imports;

namespace Appeals.Web.Imports;

/// <summary>Where one upload's import stands; read by the status endpoint while the job runs.</summary>
public sealed class ImportJob(Guid id, string userName, IReadOnlyList<string> fileNames, string folder)
{
    public Guid Id { get; } = id;
    public string UserName { get; } = userName;
    public IReadOnlyList<string> FileNames { get; } = fileNames;
    public string Folder { get; } = folder;
    public volatile string State = "queued";
    public long BytesRead, TotalBytes;
    public int FilesDone;
    public ImportSummary? Summary;
    public string? Failure;

    public int Percent => State == "done" ? 100 : TotalBytes <= 0 ? 0 : (int)Math.Min(99, Interlocked.Read(ref BytesRead) * 100 / TotalBytes);
}

/// <summary>
/// Uploaded files are imported one upload at a time by a background service (the importer writes in
/// large transactions; two at once would only wait on each other). Job state lives in memory: a
/// restart loses the progress bar, never the data, which the importer commits per transaction.
/// </summary>
public sealed class ImportJobs
{
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    private readonly Channel<ImportJob> _queue = Channel.CreateUnbounded<ImportJob>();

    public ImportJob Enqueue(string userName, IReadOnlyList<string> fileNames, string folder)
    {
        var job = new ImportJob(Guid.NewGuid(), userName, fileNames, folder);
        _jobs[job.Id] = job;
        _queue.Writer.TryWrite(job);
        return job;
    }

    public ImportJob? Find(Guid id) => _jobs.GetValueOrDefault(id);

    internal ChannelReader<ImportJob> Pending => _queue.Reader;
}

/// <summary>Runs queued imports through the real importer, reporting progress into the job.</summary>
public sealed class ImportJobRunner(ImportJobs jobs, IServiceScopeFactory scopes, ILogger<ImportJobRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Pending.ReadAllAsync(stoppingToken))
        {
            job.State = "running";
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var importer = scope.ServiceProvider.GetRequiredService<RemittanceImporter>();
                var progress = new Progress(job);
                job.Summary = await importer.ImportAsync([job.Folder], new ImportOptions(), progress, stoppingToken);
                await scope.ServiceProvider.GetRequiredService<AuditLog>().AppendAsync(job.UserName, AuditActions.Import, "ImportJob", job.Id.ToString(),
                    details: $"{job.Summary.Files} file(s): {job.Summary.Imported} imported, {job.Summary.Duplicates} duplicate, {job.Summary.Rejected} rejected", ct: stoppingToken);
                job.State = "done";
                logger.LogInformation("Import job {Job} done: {Files} files, {Rejected} rejected", job.Id, job.Summary.Files, job.Summary.Rejected);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                job.Failure = e.Message;
                job.State = "failed";
                logger.LogError(e, "Import job {Job} failed", job.Id);
            }
            finally
            {
                try { Directory.Delete(job.Folder, recursive: true); }
                catch (IOException) { /* left for the temp cleanup */ }
            }
        }
    }

    private sealed class Progress(ImportJob job) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            // BytesRead counts within the current file; the job's total spans every file.
            Interlocked.Exchange(ref job.TotalBytes, value.TotalBytes);
            Interlocked.Exchange(ref job.BytesRead, value.BytesRead);
            job.FilesDone = value.FilesDone;
        }
    }
}
