using System.Security.Cryptography;
using Appeals.Core.Cases;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Privacy;

/// <summary>What <see cref="PlainAttachmentSealing.SealAsync"/> found and did, by attachment id (no file names: they may name a patient).</summary>
/// <param name="Attachments">Attachment rows looked at.</param>
/// <param name="SealedNow">Plain files (written by builds before ADR 0089) sealed in place by this run.</param>
/// <param name="AlreadySealed">Files that were sealed already (uploaded sealed, or sealed by an earlier run).</param>
/// <param name="Missing">Rows whose file is not there.</param>
/// <param name="Unmatched">Files that neither open with the key ring nor have the SHA-256 recorded at upload: left as they are.</param>
public sealed record AttachmentSealingResult(int Attachments, int SealedNow, int AlreadySealed, IReadOnlyList<long> Missing, IReadOnlyList<long> Unmatched);

/// <summary>
/// Seals, in place, the attachment files that builds before ADR 0089 wrote plain (ADR 0104). A file is sealed only when its
/// bytes are exactly the ones recorded at upload (its SHA-256), and the sealed copy is checked to open to those bytes before it
/// replaces the plain one (written beside it, then renamed over it, so a download at that moment gets one or the other, whole).
/// Running it again changes nothing: every file is then counted as already sealed. One file is in memory at a time
/// (at most <c>Attachments:MaxFileBytes</c>).
/// </summary>
public static class PlainAttachmentSealing
{
    public static async Task<AttachmentSealingResult> SealAsync(AppealsDbContext db, PhiProtector phi, string root, CancellationToken ct)
    {
        var rows = await db.CaseAttachments.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.StorageKey, a.Sha256 }).ToListAsync(ct);
        int sealedNow = 0, alreadySealed = 0;
        List<long> missing = [], unmatched = [];
        var keyStored = false;
        foreach (var row in rows)
        {
            var path = AttachmentStorage.PathOf(root, row.StorageKey);
            if (!File.Exists(path))
            {
                missing.Add(row.Id);
                continue;
            }
            var stored = await File.ReadAllBytesAsync(path, ct);
            if (Opens(phi, stored) is { } opened && Sha256(opened) == row.Sha256)
            {
                alreadySealed++;
                continue;
            }
            if (Sha256(stored) != row.Sha256)
            {
                unmatched.Add(row.Id);
                continue;
            }
            if (!keyStored)
            {
                // The data key is in the database before anything is sealed with it (else a crash here would lose the file).
                await phi.Keys.EnsureStoredAsync(db, ct);
                keyStored = true;
            }
            await ReplaceAsync(path, Sealed(phi, stored, row.Sha256), ct);
            sealedNow++;
        }
        return new AttachmentSealingResult(rows.Count, sealedNow, alreadySealed, missing, unmatched);
    }

    private static byte[]? Opens(PhiProtector phi, byte[] stored)
    {
        try
        {
            return phi.Unprotect(stored);
        }
        catch (PhiUnreadableException)
        {
            return null;
        }
    }

    private static byte[] Sealed(PhiProtector phi, byte[] plain, string sha256)
    {
        var sealedBytes = phi.Protect(plain);
        return Opens(phi, sealedBytes) is { } back && Sha256(back) == sha256
            ? sealedBytes
            : throw new InvalidOperationException("A sealed attachment did not open to its own bytes; nothing was replaced.");
    }

    private static async Task ReplaceAsync(string path, byte[] content, CancellationToken ct)
    {
        var temp = path + ".sealing";
        await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await file.WriteAsync(content, ct);
            file.Flush(flushToDisk: true); // on disk before it replaces the plain file
        }
        File.Move(temp, path, overwrite: true);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
