using System.Security.Cryptography;
using System.Text;
using Appeals.Cli.Tests.Common;
using Appeals.Core.Audit;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Cli.Tests.Keys;

/// <summary>`appeals keys rotate` re-seals the data keys and the audit key under a new master key (issue 14 item 2, ADR 0087).</summary>
public sealed class KeysRotateCommandTests
{
    private static readonly byte[] RefusedFile = Encoding.ASCII.GetBytes("ISA*00*NM1*QC*1*ZZROTATEPATIENT~");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task SeedAsync(TempFolder temp, PhiProtector phi)
    {
        await using var db = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, temp.ConnectionString, phi);
        await AppealsDatabase.MigrateAsync(db, Ct);
        db.ImportedFiles.Add(new ImportedFile { FileName = "refused.835", ContentHash = new string('a', 64), OriginalBytes = RefusedFile });
        await db.SaveChangesAsync(Ct);
        await new AuditLog(db, TimeProvider.System).AppendAsync("specialist", AuditActions.CaseView, "DenialCase", "1", ct: Ct);
    }

    private static async Task<byte[]?> ReadRefusedFileAsync(TempFolder temp, PhiProtector phi)
    {
        await using var db = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, temp.ConnectionString, phi);
        return await db.ImportedFiles.Select(f => f.OriginalBytes).SingleAsync(Ct);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public async Task Rotate_ResealsEveryKey_AndACopyOfTheOldRingOpensNothing()
    {
        using var temp = new TempFolder();
        var keys = temp.Sub("keys");
        await SeedAsync(temp, PhiKeyRing.Open(keys));
        Copy(keys, temp.Sub("stolen-keys")); // a backup of the ring taken before the rotation

        var run = await CliRun.RunAsync("keys", "rotate", "--db", temp.ConnectionString, "--keys", keys, "--json");

        Assert.True(run.ExitCode == 0, run.Output);
        var json = run.Json();
        Assert.True(json.GetProperty("rotated").GetBoolean());
        Assert.Equal(1, json.GetProperty("dataKeysResealed").GetInt32());
        Assert.True(json.GetProperty("auditKeyResealed").GetBoolean());
        Assert.Equal(1, json.GetProperty("revokedMasterKeyIds").GetArrayLength());
        Assert.NotEqual(json.GetProperty("revokedMasterKeyIds")[0].GetGuid(), json.GetProperty("newMasterKeyId").GetGuid());
        Assert.Equal(Path.GetFullPath(keys), Path.GetFullPath(json.GetProperty("keysPath").GetString()!));

        var reopened = PhiKeyRing.Open(keys); // a new process on the rotated ring
        Assert.Equal(RefusedFile, await ReadRefusedFileAsync(temp, reopened));
        await using (var db = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, temp.ConnectionString, reopened))
            Assert.True((await new AuditLog(db, TimeProvider.System).VerifyAsync(Ct)).Intact);
        await Assert.ThrowsAsync<PhiUnreadableException>(() => ReadRefusedFileAsync(temp, PhiKeyRing.Open(temp.Sub("stolen-keys"))));
    }

    [Fact]
    public async Task Rotate_TwiceInARow_StillReadsEverything()
    {
        using var temp = new TempFolder();
        var keys = temp.Sub("keys");
        await SeedAsync(temp, PhiKeyRing.Open(keys));

        Assert.Equal(0, (await CliRun.RunAsync("keys", "rotate", "--db", temp.ConnectionString, "--keys", keys, "--json")).ExitCode);
        var second = await CliRun.RunAsync("keys", "rotate", "--db", temp.ConnectionString, "--keys", keys, "--json");

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(1, second.Json().GetProperty("revokedMasterKeyIds").GetArrayLength());
        Assert.Equal(RefusedFile, await ReadRefusedFileAsync(temp, PhiKeyRing.Open(keys)));
    }

    [Fact]
    public async Task Rotate_WithAnotherRing_ChangesNothingAndExitsOne()
    {
        using var temp = new TempFolder();
        var keys = temp.Sub("keys");
        await SeedAsync(temp, PhiKeyRing.Open(keys));

        var run = await CliRun.RunAsync("keys", "rotate", "--db", temp.ConnectionString, "--keys", temp.Sub("other-keys"), "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.False(run.Json().GetProperty("rotated").GetBoolean());
        Assert.Contains("nothing was changed", run.Json().GetProperty("error").GetString());
        Assert.Equal(RefusedFile, await ReadRefusedFileAsync(temp, PhiKeyRing.Open(keys)));
    }

    /// <summary>The sessions ring as the web app opens it (cookies, antiforgery), on <paramref name="folder"/>.</summary>
    private static IDataProtector SessionRing(string folder)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DataProtection:SessionKeysPath"] = folder }).Build();
        var services = new ServiceCollection();
        services.AddAppealsSessionProtection(configuration);
        return services.BuildServiceProvider().GetDataProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware");
    }

    [Fact]
    public async Task Rotate_AlsoReplacesTheSessionsRing_SoACookieMadeBeforeIsVoid_UnlessKeepSessions()
    {
        using var temp = new TempFolder();
        var keys = temp.Sub("keys");
        await SeedAsync(temp, PhiKeyRing.Open(keys));
        var sessionKeys = temp.Sub("session-keys"); // the default place: beside the PHI ring
        var cookie = SessionRing(sessionKeys).Protect("an Admin's sign-in");

        var kept = await CliRun.RunAsync("keys", "rotate", "--db", temp.ConnectionString, "--keys", keys, "--keep-sessions", "--json");
        Assert.True(kept.ExitCode == 0, kept.Output);
        Assert.False(kept.Json().GetProperty("sessions").GetProperty("rotated").GetBoolean());
        Assert.Equal("--keep-sessions", kept.Json().GetProperty("sessions").GetProperty("skipped").GetString());
        Assert.Equal("an Admin's sign-in", SessionRing(sessionKeys).Unprotect(cookie));

        var run = await CliRun.RunAsync("keys", "rotate", "--db", temp.ConnectionString, "--keys", keys, "--json");

        Assert.True(run.ExitCode == 0, run.Output);
        var sessions = run.Json().GetProperty("sessions");
        Assert.True(sessions.GetProperty("rotated").GetBoolean());
        Assert.Equal(Path.GetFullPath(sessionKeys), Path.GetFullPath(sessions.GetProperty("keysPath").GetString()!));
        Assert.Equal(1, sessions.GetProperty("revokedKeyIds").GetArrayLength());
        Assert.NotEqual(sessions.GetProperty("revokedKeyIds")[0].GetGuid(), sessions.GetProperty("newKeyId").GetGuid());
        // The web app, started again on the rotated ring: the old cookie is void, a new one works.
        var restarted = SessionRing(sessionKeys);
        Assert.ThrowsAny<CryptographicException>(() => restarted.Unprotect(cookie));
        Assert.Equal("a new sign-in", restarted.Unprotect(restarted.Protect("a new sign-in")));
        Assert.Equal(RefusedFile, await ReadRefusedFileAsync(temp, PhiKeyRing.Open(keys)));
    }

    [Fact]
    public async Task Rotate_WithNoSessionsRingYet_SaysSoAndRotatesThePhiRing()
    {
        using var temp = new TempFolder();
        var keys = temp.Sub("keys");
        await SeedAsync(temp, PhiKeyRing.Open(keys));

        var run = await CliRun.RunAsync("keys", "rotate", "--db", temp.ConnectionString, "--keys", keys, "--session-keys", temp.Sub("no-ring"), "--json");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(run.Json().GetProperty("rotated").GetBoolean());
        Assert.False(run.Json().GetProperty("sessions").GetProperty("rotated").GetBoolean());
        Assert.Contains("no sessions ring", run.Json().GetProperty("sessions").GetProperty("skipped").GetString());
        Assert.False(Directory.Exists(temp.Sub("no-ring")));
    }
}
