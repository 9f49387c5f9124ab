using System.Globalization;
using System.Security.Cryptography;
using Appeals.Core.Audit;
using Appeals.Core.Cases;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Appeals.Web.Cases;

/// <summary>An upload's outcome: the stored attachment, or why it was refused, in words for the uploader.</summary>
public sealed record AttachmentOutcome(CaseAttachment? Attachment, string? Problem)
{
    public bool Succeeded => Attachment is not null;
}

/// <summary>
/// Stores case attachments on disk under Storage:Path/attachments, at a path made from a new GUID
/// (never from the uploader's file name), after checking size, allowed type and the content's own
/// signature, sealed with the PHI key ring (ADR 0089). The row and its audit entry commit together; a file whose row did not
/// commit is removed.
/// </summary>
public sealed class CaseAttachmentStore(AppealsDbContext db, AuditLog audit, IOptions<AttachmentOptions> options, IOptions<Hosting.StorageOptions> storage,
    TimeProvider clock, Core.Privacy.PhiProtector phi, ILogger<CaseAttachmentStore> logger)
{
    public string Root => Path.Combine(storage.Value.Root, "attachments");

    public async Task<AttachmentOutcome> AddAsync(long caseId, string uploadedName, Stream content, string user, CancellationToken ct)
    {
        var limits = options.Value;
        var name = CleanName(uploadedName);
        var type = AttachmentType.ByExtension(name);
        if (type is null || !limits.Types.Contains(type))
            return Refused($"{name} was not attached: only {limits.Labels} files can be attached.");

        var key = Guid.NewGuid().ToString("N");
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".part";
        string sha;
        long size;
        try
        {
            // Checked in memory (at most Attachments:MaxFileBytes) and written only sealed, like the PHI the database holds
            // (ADR 0089): the plain bytes never touch the disk, and a copy of the folder without the key ring is unreadable.
            using var plain = new MemoryStream();
            (sha, size) = await CopyHashedAsync(content, plain, limits.MaxFileBytes, ct);
            if (size > limits.MaxFileBytes)
                return Refused($"{name} was not attached: it is larger than {AttachmentOptions.Size(limits.MaxFileBytes)}, the most an attachment may be.");
            if (size == 0) return Refused($"{name} was not attached: it is empty.");
            if (!type.Matches(plain))
                return Refused($"{name} was not attached: its content is not a {type.Label} file, whatever its name says.");
            await File.WriteAllBytesAsync(partial, phi.Protect(plain.ToArray()), ct);
            File.Move(partial, path);
        }
        finally { File.Delete(partial); }

        var attachment = new CaseAttachment
        {
            DenialCaseId = caseId, FileName = name, FileType = type.Name, ContentType = type.ContentType, SizeBytes = size, Sha256 = sha,
            StorageKey = key, UploadedBy = user, UploadedAt = clock.GetUtcNow(),
        };
        db.CaseAttachments.Add(attachment);
        try
        {
            // No file name in the log: names can carry a patient's name. The type, size and hash identify the file.
            await audit.AppendAsync(user, AuditActions.AttachmentUpload, nameof(DenialCase), caseId.ToString(CultureInfo.InvariantCulture),
                details: $"attachment {type.Name} {size} bytes sha256 {sha[..12]}", ct: ct);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        logger.LogInformation("Attachment {Attachment} ({Bytes} bytes) added to case {Case}", attachment.Id, size, caseId);
        return new(attachment, null);
    }

    /// <summary>Opens a stored attachment after checking its bytes still have the SHA-256 recorded at upload; null when they do not.</summary>
    public async Task<Stream?> OpenVerifiedAsync(CaseAttachment attachment, CancellationToken ct)
    {
        var path = PathOf(attachment.StorageKey);
        if (!File.Exists(path))
        {
            logger.LogWarning("Attachment {Attachment} of case {Case}: stored file is missing", attachment.Id, attachment.DenialCaseId);
            return null;
        }
        var stored = await File.ReadAllBytesAsync(path, ct);
        // A file stored before attachments were sealed is still served when its bytes are exactly the ones recorded at upload
        // (`appeals attachments seal` seals such files in place, ADR 0104).
        var plain = Unseal(stored, attachment) ?? (Convert.ToHexStringLower(SHA256.HashData(stored)) == attachment.Sha256 ? stored : null);
        if (plain is null || Convert.ToHexStringLower(SHA256.HashData(plain)) != attachment.Sha256)
        {
            logger.LogWarning("Attachment {Attachment} of case {Case}: stored file does not match its SHA-256", attachment.Id, attachment.DenialCaseId);
            return null;
        }
        return new MemoryStream(plain, writable: false);
    }

    /// <summary>The stored file's plain bytes; null when the key ring cannot open it (changed on disk, or another ring).</summary>
    private byte[]? Unseal(byte[] stored, CaseAttachment attachment)
    {
        try
        {
            return phi.Unprotect(stored);
        }
        catch (Core.Privacy.PhiUnreadableException)
        {
            return null;
        }
    }

    /// <inheritdoc cref="AttachmentStorage.PathOf"/>
    public string PathOf(string key) => AttachmentStorage.PathOf(Root, key);

    /// <summary>The uploader's file name without any folder or control characters, for display and the download's name only.</summary>
    public static string CleanName(string uploaded)
    {
        var name = uploaded.Replace('\\', '/');
        name = new string(name[(name.LastIndexOf('/') + 1)..].Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length > 200) name = name[..(200 - Path.GetExtension(name).Length)] + Path.GetExtension(name);
        return name.Length == 0 ? "attachment" : name;
    }

    private static async Task<(string Sha, long Size)> CopyHashedAsync(Stream from, Stream to, long limit, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, ct)) > 0)
        {
            size += read;
            // Stop writing past the limit (a client may lie about a part's length); the caller refuses it.
            if (size > limit) return ("", size);
            hash.AppendData(buffer, 0, read);
            await to.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        await to.FlushAsync(ct);
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    private static AttachmentOutcome Refused(string problem) => new(null, problem);
}
