using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Workflows.Jobs;
using Appeals.Workflows.Tests.Outcomes;
using Appeals.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
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
}
