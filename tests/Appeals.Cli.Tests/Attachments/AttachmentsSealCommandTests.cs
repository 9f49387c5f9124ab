using System.Security.Cryptography;
using System.Text;
using Appeals.Cli.Tests.Common;
using Appeals.Core.Audit;
using Appeals.Core.Cases;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Cli.Tests.Attachments;

/// <summary>`appeals attachments seal`: plain attachment files of builds before ADR 0089 sealed in place (issue 14 item 9, ADR 0104).</summary>
public sealed class AttachmentsSealCommandTests
{
    private static readonly byte[] Plain = Encoding.ASCII.GetBytes("%PDF-1.4\nmedical record of ZZSEALPATIENT\n%%EOF\n");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Stored(long Id, string Path);

    /// <summary>An attachment row and its file as a build wrote it: <paramref name="onDisk"/> is what is in the file.</summary>
    private static async Task<Stored> AttachAsync(AppealsDbContext db, string root, long caseId, byte[]? onDisk)
    {
        var key = Guid.NewGuid().ToString("N");
        var path = AttachmentStorage.PathOf(root, key);
        if (onDisk is not null)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, onDisk, Ct);
        }
        var row = new CaseAttachment
        {
            DenialCaseId = caseId, FileName = "record.pdf", FileType = "pdf", ContentType = "application/pdf", SizeBytes = Plain.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Plain)), StorageKey = key, UploadedBy = "specialist", UploadedAt = DateTimeOffset.UtcNow,
        };
        db.CaseAttachments.Add(row);
        await db.SaveChangesAsync(Ct);
        return new Stored(row.Id, path);
    }

    [Fact]
    public async Task Seal_PlainFilesOfAnOlderBuild_AreSealedInPlace_EachKindIsReported_AndARerunChangesNothing()
    {
        using var temp = new TempFolder();
        await DemoImport.IntoAsync(temp);
        var storage = temp.Sub("files");
        var root = Path.Combine(storage, "attachments");
        var phi = TestKeyRing.Protector;
        Stored plain, alreadySealed, missing, changed;
        await using (var db = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, temp.ConnectionString, phi))
        {
            var caseId = await db.DenialCases.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
            plain = await AttachAsync(db, root, caseId, Plain);
            alreadySealed = await AttachAsync(db, root, caseId, phi.Protect(Plain));
            missing = await AttachAsync(db, root, caseId, null);
            changed = await AttachAsync(db, root, caseId, Encoding.ASCII.GetBytes("%PDF-1.4\nsomeone edited this file\n"));
        }

        var run = await CliRun.RunAsync("attachments", "seal", "--db", temp.ConnectionString, "--storage", storage, "--json");

        Assert.True(run.ExitCode == 2, run.Output); // some files need a person: one missing, one changed
        var json = run.Json();
        Assert.Equal(4, json.GetProperty("attachments").GetInt32());
        Assert.Equal(1, json.GetProperty("sealedNow").GetInt32());
        Assert.Equal(1, json.GetProperty("alreadySealed").GetInt32());
        Assert.Equal([missing.Id], json.GetProperty("missing").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal([changed.Id], json.GetProperty("unmatched").EnumerateArray().Select(e => e.GetInt64()));
        Assert.False(json.GetProperty("complete").GetBoolean());
        var onDisk = await File.ReadAllBytesAsync(plain.Path, Ct);
        Assert.Equal(-1, onDisk.AsSpan().IndexOf("ZZSEALPATIENT"u8)); // no longer readable on disk ...
        Assert.Equal(Plain, phi.Unprotect(onDisk)); // ... and opens to exactly what was uploaded
        Assert.Equal("%PDF-1.4\nsomeone edited this file\n", await File.ReadAllTextAsync(changed.Path, Ct)); // left as it was
        Assert.Empty(Directory.EnumerateFiles(root, "*.sealing", SearchOption.AllDirectories));

        await using (var db = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, temp.ConnectionString, phi))
        {
            var audited = await db.AuditEntries.Where(e => e.Action == AuditActions.AttachmentsSeal).SingleAsync(Ct);
            Assert.Equal("cli:" + Environment.UserName, audited.UserName);
            Assert.StartsWith("4 attachments: 1 sealed now, 1 already sealed, 1 missing, 1 unmatched", audited.Details);
            // The operator deals with the two (restores one, deletes the other's row); then a run finds all sealed and changes nothing.
            await db.CaseAttachments.Where(a => a.Id == missing.Id || a.Id == changed.Id).ExecuteDeleteAsync(Ct);
        }
        var again = await CliRun.RunAsync("attachments", "seal", "--db", temp.ConnectionString, "--storage", storage, "--json");

        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(0, again.Json().GetProperty("sealedNow").GetInt32());
        Assert.Equal(2, again.Json().GetProperty("alreadySealed").GetInt32());
        Assert.True(again.Json().GetProperty("complete").GetBoolean());
        Assert.Equal(onDisk, await File.ReadAllBytesAsync(plain.Path, Ct));
    }
}
