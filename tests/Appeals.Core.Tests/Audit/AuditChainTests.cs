using Appeals.Core.Audit;
using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Appeals.Core.Tests.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Core.Tests.Audit;

/// <summary>The attacks of issue 14 item 1: someone who can write the database but does not hold the key ring.</summary>
public class AuditChainTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestDatabase Database, PhiProtector KeyRing)> LogOfAsync(int rows)
    {
        var database = await TestDatabase.CreateAsync();
        var keyRing = PhiKeyRing.Open(database.PathFor("keys"));
        await using var db = Open(database, keyRing);
        var log = new AuditLog(db, TimeProvider.System);
        for (var i = 1; i <= rows; i++)
            await log.AppendAsync("specialist", AuditActions.CaseView, "DenialCase", i.ToString(), details: $"view {i}", ct: Ct);
        return (database, keyRing);
    }

    private static AppealsDbContext Open(TestDatabase database, PhiProtector keyRing) =>
        database.Open(keyRing);

    private static async Task<AuditVerification> VerifyAsync(TestDatabase database, PhiProtector keyRing)
    {
        await using var db = Open(database, keyRing);
        return await new AuditLog(db, TimeProvider.System).VerifyAsync(Ct);
    }

    /// <summary>What an attacker with write access does after changing a row: rehash it and every row after it.</summary>
    private static void Rechain(List<AuditEntry> rows, int from, Func<AuditEntry, string> hash)
    {
        for (var i = from; i < rows.Count; i++)
        {
            rows[i].PreviousHash = i == 0 ? AuditChain.Genesis : rows[i - 1].Hash;
            rows[i].Hash = hash(rows[i]);
        }
    }

    [Fact]
    public async Task Verify_UntouchedLog_IsIntactAndReachesItsCheckpoint()
    {
        var (database, keyRing) = await LogOfAsync(5);
        await using var _ = database;

        var result = await VerifyAsync(database, keyRing);

        Assert.True(result.Intact, result.Problem);
        Assert.Equal(5, result.RowsChecked);
        Assert.Equal(5, result.Checkpoint!.Count);
        Assert.True(File.Exists(Path.Combine(database.PathFor("keys"), AuditAnchor.KeyFileName)));
    }

    [Fact]
    public async Task Verify_LastRowsDeleted_IsDetectedByTheCheckpoint()
    {
        var (database, keyRing) = await LogOfAsync(5);
        await using var _ = database;
        await using (var db = Open(database, keyRing))
            await db.AuditEntries.Where(e => e.Id > 3).ExecuteDeleteAsync(Ct);

        var result = await VerifyAsync(database, keyRing);

        Assert.False(result.Intact);
        Assert.Contains("deleted from the end", result.Problem);
        Assert.Equal(4, result.FirstBrokenId);
    }

    [Fact]
    public async Task Verify_RowEditedAndTheRestRecomputedWithoutTheKey_IsDetected()
    {
        var (database, keyRing) = await LogOfAsync(5);
        await using var _ = database;
        await using (var db = Open(database, keyRing))
        {
            // What the old unkeyed chain allowed.
            var rows = await db.AuditEntries.OrderBy(e => e.Id).ToListAsync(Ct);
            rows[2].UserName = "someone-else";
            Rechain(rows, from: 2, AuditChain.ComputeUnkeyedHash);
            await db.SaveChangesAsync(Ct);
        }

        var result = await VerifyAsync(database, keyRing);

        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenId);
    }

    [Fact]
    public async Task Verify_RowsRecomputedWithAnotherKey_IsDetected()
    {
        var (database, keyRing) = await LogOfAsync(5);
        await using var _ = database;
        var otherKey = new byte[32];
        await using (var db = Open(database, keyRing))
        {
            Rechain(await db.AuditEntries.OrderBy(e => e.Id).ToListAsync(Ct), from: 0, e => AuditChain.ComputeHash(e, otherKey));
            await db.SaveChangesAsync(Ct);
        }

        var result = await VerifyAsync(database, keyRing);

        Assert.False(result.Intact);
        Assert.Equal(1, result.FirstBrokenId);
    }

    [Fact]
    public async Task Verify_CheckpointEditedToMatchATruncatedLog_IsDetected()
    {
        var (database, keyRing) = await LogOfAsync(5);
        await using var _ = database;
        var file = Directory.GetFiles(database.PathFor(Path.Combine("keys", "audit-checkpoints")), "*.checkpoint.json").Single();
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, Ct)).Replace("\"Count\":5", "\"Count\":4"), Ct);

        var result = await VerifyAsync(database, keyRing);

        Assert.False(result.Intact);
        Assert.Contains("not signed", result.Problem);
    }

    [Fact]
    public async Task Verify_CheckpointDeleted_IsDetected()
    {
        var (database, keyRing) = await LogOfAsync(3);
        await using var _ = database;
        Directory.Delete(database.PathFor(Path.Combine("keys", "audit-checkpoints")), recursive: true);

        var result = await VerifyAsync(database, keyRing);

        Assert.False(result.Intact);
        Assert.Contains("no checkpoint", result.Problem);
    }

    [Fact]
    public async Task Verify_RowsFromBeforeTheKey_AreAcceptedOnlyBeforeTheFirstKeyedRow()
    {
        await using var database = await TestDatabase.CreateAsync();
        var keyRing = PhiKeyRing.Open(database.PathFor("keys"));
        await using (var db = Open(database, keyRing))
        {
            var old = new AuditEntry { At = DateTimeOffset.UnixEpoch, UserName = "admin", Action = AuditActions.SignIn, PreviousHash = AuditChain.Genesis, Hash = "" };
            old.Hash = AuditChain.ComputeUnkeyedHash(old);
            db.AuditEntries.Add(old);
            await db.SaveChangesAsync(Ct);
            await new AuditLog(db, TimeProvider.System).AppendAsync("admin", AuditActions.SignIn, ct: Ct);
        }
        Assert.True((await VerifyAsync(database, keyRing)).Intact);

        await using (var db = Open(database, keyRing))
        {
            var tail = await db.AuditEntries.OrderBy(e => e.Id).LastAsync(Ct);
            var forged = new AuditEntry { At = DateTimeOffset.UnixEpoch, UserName = "admin", Action = AuditActions.SignIn, PreviousHash = tail.Hash, Hash = "" };
            forged.Hash = AuditChain.ComputeUnkeyedHash(forged);
            db.AuditEntries.Add(forged);
            await db.SaveChangesAsync(Ct);
        }
        var result = await VerifyAsync(database, keyRing);

        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenId);
    }

    [Fact]
    public async Task GroupCommit_ManyConcurrentAppends_FormOneIntactChainAndAreCommittedWhenTheyReturn()
    {
        await using var database = await TestDatabase.CreateAsync();
        var keyRing = PhiKeyRing.Open(database.PathFor("keys"));
        var services = new ServiceCollection()
            .AddScoped<AppealsDbContext>(_ => Open(database, keyRing))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<AuditAppendQueue>()
            .BuildServiceProvider();
        await using (services)
        {
            var queue = services.GetRequiredService<AuditAppendQueue>();
            await Task.WhenAll(Enumerable.Range(1, 200).Select(async i =>
            {
                await using var db = Open(database, keyRing);
                var entry = await new AuditLog(db, TimeProvider.System, queue).AppendAsync("specialist", AuditActions.CaseView, "DenialCase", i.ToString(), ct: Ct);
                await using var check = Open(database, keyRing);
                Assert.True(await check.AuditEntries.AnyAsync(e => e.Id == entry.Id && e.EntityId == i.ToString(), Ct));
            }));
        }

        var result = await VerifyAsync(database, keyRing);

        Assert.True(result.Intact, result.Problem);
        Assert.Equal(200, result.RowsChecked);
        Assert.Equal(200, result.Checkpoint!.Count);
    }

    /// <summary>
    /// Two processes (two web nodes, or the CLI beside the web app) appending at once: each context here stands for a process,
    /// so the in-process lock (<c>AuditAppender.Appending</c>) is not taken. The second waits for the first's transaction on the
    /// chain's lock (ADR 0102) and then appends after its row, instead of reading the same tail and failing on the unique index.
    /// </summary>
    [Fact]
    public async Task TwoProcesses_AppendingAtOnce_WaitForEachOther_AndFormOneChain()
    {
        var (database, keyRing) = await LogOfAsync(1);
        await using var _ = database;
        await using var first = Open(database, keyRing);
        await using var firstTransaction = await first.Database.BeginTransactionAsync(Ct);
        var firstCheckpoint = await AuditAppender.AppendInTransactionAsync(first, [Row("first")], TimeProvider.System, Ct);

        var second = Task.Run(async () =>
        {
            await using var db = Open(database, keyRing);
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            var checkpoint = await AuditAppender.AppendInTransactionAsync(db, [Row("second")], TimeProvider.System, Ct);
            await transaction.CommitAsync(Ct);
            db.AuditAnchor.Advance(checkpoint, AuditDatabase.Identity(db));
        }, Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(750), Ct);
        Assert.False(second.IsCompleted, "the second writer went on while the first one's transaction held the chain's tail");
        await firstTransaction.CommitAsync(Ct);
        first.AuditAnchor.Advance(firstCheckpoint, AuditDatabase.Identity(first));
        await second;

        var result = await VerifyAsync(database, keyRing);
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(3, result.RowsChecked);
        await using var check = Open(database, keyRing);
        Assert.Equal(["view 1", "first", "second"], await check.AuditEntries.OrderBy(e => e.Id).Select(e => e.Details).ToListAsync(Ct));
    }

    private static AuditEntry Row(string details) => new()
    {
        At = new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero), UserName = "specialist", Action = AuditActions.CaseView,
        Details = details, PreviousHash = "", Hash = "",
    };
}
