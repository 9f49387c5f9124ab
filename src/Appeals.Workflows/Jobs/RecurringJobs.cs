using Hangfire;

namespace Appeals.Workflows.Jobs;

/// <summary>The recurring jobs and when they run (UTC). Registered at start by the job server host.</summary>
public static class RecurringJobs
{
    public const string DeadlineSweep = "deadline-sweep";
    public const string Rescore = "nightly-rescore";
    public const string Retrain = "retrain-when-enough-outcomes";
    public const string InboxImport = "inbox-import";

    public static void Register(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<DeadlineSweepJob>(DeadlineSweep, j => j.RunAsync(CancellationToken.None), Cron.Daily(5));
        jobs.AddOrUpdate<ModelJobs>(Rescore, j => j.RescoreAsync(CancellationToken.None), Cron.Daily(2));
        jobs.AddOrUpdate<ModelJobs>(Retrain, j => j.RetrainIfEnoughOutcomesAsync(CancellationToken.None), Cron.Daily(3));
        jobs.AddOrUpdate<InboxImportJob>(InboxImport, j => j.RunAsync(CancellationToken.None), "*/5 * * * *");
    }
}
