using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Workflows.Jobs;
using Appeals.Workflows.Tests.Outcomes;
using Appeals.Workflows.Tests.Support;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows.Tests.Jobs;

public sealed class InboxImportJobTests : IDisposable
{
    private readonly TestDatabase _test = new();

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task Run_MovesGoodFilesToProcessedAndBadOnesToRejectedWithTheErrorBeside()
    {
        var inbox = Directory.CreateDirectory(Path.Combine(_test.Folder, "inbox")).FullName;
        await File.WriteAllTextAsync(Path.Combine(inbox, "good.835"), EraFixtures.Denial());
        await File.WriteAllTextAsync(Path.Combine(inbox, "bad.835"), "this is not an 835 file");
        await File.WriteAllTextAsync(Path.Combine(inbox, "copying.835"), EraFixtures.Denial());
        var now = DateTimeOffset.UtcNow;
        File.SetLastWriteTimeUtc(Path.Combine(inbox, "good.835"), now.UtcDateTime.AddMinutes(-1));
        File.SetLastWriteTimeUtc(Path.Combine(inbox, "bad.835"), now.UtcDateTime.AddMinutes(-1));
        File.SetLastWriteTimeUtc(Path.Combine(inbox, "copying.835"), now.UtcDateTime);
        await using var db = _test.Open();
        var importer = new RemittanceImporter(db, new DenialDetector(CarcCatalog.Shipped), TimeProvider.System,
            NullLogger<RemittanceImporter>.Instance, []);
        var job = new InboxImportJob(importer, Options.Create(new InboxOptions { Path = inbox }), new FixedTime(now), NullLogger<InboxImportJob>.Instance);

        Assert.Equal(2, await job.RunAsync(CancellationToken.None));
        Assert.Equal(0, await job.RunAsync(CancellationToken.None));

        Assert.True(File.Exists(Path.Combine(inbox, "processed", "good.835")));
        Assert.True(File.Exists(Path.Combine(inbox, "rejected", "bad.835")));
        Assert.NotEmpty(await File.ReadAllTextAsync(Path.Combine(inbox, "rejected", "bad.835.error.txt")));
        Assert.True(File.Exists(Path.Combine(inbox, "copying.835")), "a file still being written waits for the next run");
        Assert.Equal(1, await db.DenialCases.CountAsync());
    }

    [Fact]
    public async Task Run_DeletesProcessedAndRejectedCopiesOlderThanTheRetention_AndKeepsNewerOnes()
    {
        var inbox = Directory.CreateDirectory(Path.Combine(_test.Folder, "inbox")).FullName;
        var now = DateTimeOffset.UtcNow;
        string Copy(string folder, string name, int daysOld)
        {
            var path = Path.Combine(Directory.CreateDirectory(Path.Combine(inbox, folder)).FullName, name);
            File.WriteAllText(path, "synthetic");
            File.SetLastWriteTimeUtc(path, now.UtcDateTime.AddDays(-daysOld));
            return path;
        }
        var oldProcessed = Copy("processed", "old.835", 31);
        var oldRejected = Copy("rejected", "old.835.error.txt", 45);
        var recent = Copy("processed", "recent.835", 29);
        // A file the payer's system wrote long ago, dropped in today: kept 30 days from its move, not deleted at once.
        await File.WriteAllTextAsync(Path.Combine(inbox, "written-last-year.835"), EraFixtures.Denial());
        File.SetLastWriteTimeUtc(Path.Combine(inbox, "written-last-year.835"), now.UtcDateTime.AddDays(-365));
        await using var db = _test.Open();
        var importer = new RemittanceImporter(db, new DenialDetector(CarcCatalog.Shipped), TimeProvider.System, NullLogger<RemittanceImporter>.Instance, []);
        var job = new InboxImportJob(importer, Options.Create(new InboxOptions { Path = inbox }), new FixedTime(now), NullLogger<InboxImportJob>.Instance);

        await job.RunAsync(CancellationToken.None);

        Assert.False(File.Exists(oldProcessed));
        Assert.False(File.Exists(oldRejected));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(Path.Combine(inbox, "processed", "written-last-year.835")));
    }

    [Fact]
    public async Task Run_WithTheHostsRegistrations_StoresScoredPlannedCasesAndWritesTheAuditEntry()
    {
        var inbox = Directory.CreateDirectory(Path.Combine(_test.Folder, "inbox")).FullName;
        await File.WriteAllTextAsync(Path.Combine(inbox, "good.835"), EraFixtures.Denial());
        File.SetLastWriteTimeUtc(Path.Combine(inbox, "good.835"), DateTime.UtcNow.AddMinutes(-1));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Appeals"] = _test.ConnectionString,
            ["DataProtection:KeysPath"] = Path.Combine(_test.Folder, "keys"),
            ["Inbox:Path"] = inbox,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddAppealsCore(configuration).AddAppealsImportPipeline(configuration);
        services.Configure<InboxOptions>(configuration.GetSection("Inbox")).AddScoped<InboxImportJob>();
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<InboxImportJob>().RunAsync(CancellationToken.None));

        await using var db = _test.Open();
        var denial = await db.DenialCases.SingleAsync();
        Assert.NotNull(denial.ScoredAt);
        Assert.InRange(denial.RecoveryProbability!.Value, 0, 1);
        Assert.NotEqual("", denial.DeadlineBasis);
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == Appeals.Core.Audit.AuditActions.Import);
        Assert.Equal("system:inbox", audit.UserName);
        Assert.Contains("1 denial cases", audit.Details);
    }
}
