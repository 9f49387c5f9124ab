using Appeals.Core.Privacy;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Workflows.Jobs;
using Appeals.Workflows.Tests.Support;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Storage.SQLite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Workflows.Tests.Jobs;

[Collection(HangfireCollection.Name)]
public sealed class DeadlineJobsOnHangfireTests : IDisposable
{
    private readonly TestDatabase _test = new();

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task ReminderJob_ScheduledOnSqliteStorageTwice_RunsBothAndSendsOneReminder()
    {
        var id = await _test.AddCaseAsync();
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        await using (var db = _test.Open())
            await db.DenialCases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.AppealDeadline, deadline).SetProperty(c => c.Status, DenialCaseStatus.InProgress));
        var notifier = new CountingNotifier();
        await using var services = new ServiceCollection()
            .AddDbContext<AppealsDbContext>(o => o.UseSqlite(_test.ConnectionString).UsePhiProtector(TestDatabase.Phi))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IDeadlineNotifier>(notifier)
            .AddScoped<DeadlineJobs>()
            .BuildServiceProvider();
        var storage = new SQLiteStorage(Path.Combine(_test.Folder, "hangfire.db"), new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromMilliseconds(100),
        });
        var client = new BackgroundJobClient(storage);
        client.Schedule<DeadlineJobs>(j => j.RemindAsync(id, 7, CancellationToken.None), TimeSpan.FromMilliseconds(1));
        client.Schedule<DeadlineJobs>(j => j.RemindAsync(id, 7, CancellationToken.None), TimeSpan.FromMilliseconds(1));

        using (var server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            WorkerCount = 1,
            SchedulePollingInterval = TimeSpan.FromMilliseconds(100),
            Activator = new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()),
        }, storage))
        {
            var monitor = storage.GetMonitoringApi();
            var until = DateTime.UtcNow.AddSeconds(60);
            while (monitor.SucceededListCount() < 2 && monitor.FailedCount() == 0 && DateTime.UtcNow < until)
                await Task.Delay(100, TestContext.Current.CancellationToken);
            Assert.Equal(0, monitor.FailedCount());
            Assert.Equal(2, monitor.SucceededListCount());
            server.SendStop();
        }

        Assert.Equal([(id, 7)], notifier.Sent);
        await using var check = _test.Open();
        var reminder = await check.DeadlineReminders.SingleAsync();
        Assert.Equal((id, deadline, 7), (reminder.DenialCaseId, reminder.Deadline, reminder.DaysBefore));
        Assert.NotNull(reminder.SentAt);
    }
}
