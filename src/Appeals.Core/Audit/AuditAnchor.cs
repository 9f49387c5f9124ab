using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Appeals.Core.Audit;

/// <summary>
/// What holds the audit log down from outside the database (ADR 0085): the HMAC key of its rows, kept in the key ring
/// folder and protected by Data Protection like the rest of the ring, and the signed <see cref="AuditCheckpoint"/> of
/// each chain, one file per chain named by its first row's hash (so several databases can share one key ring).
/// Thread-safe; one per key ring.
/// </summary>
public sealed class AuditAnchor
{
    /// <summary>The Data Protection purpose the audit key is protected under.</summary>
    public const string Purpose = "Appeals.Audit.v1";

    /// <summary>The file of the protected audit key in the key ring folder.</summary>
    public const string KeyFileName = "audit-chain.key";

    private readonly Lazy<byte[]> _key;
    private readonly string? _checkpointFolder;
    private readonly ConcurrentDictionary<string, AuditCheckpoint> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _chainOfDatabase = new(StringComparer.Ordinal);
    private readonly Lock _writing = new();

    private AuditAnchor(Func<byte[]> key, string? checkpointFolder)
    {
        _key = new Lazy<byte[]>(key, LazyThreadSafetyMode.ExecutionAndPublication);
        _checkpointFolder = checkpointFolder;
    }

    /// <summary>The anchor of the key ring in <paramref name="keysPath"/>: its key is created there on first use; checkpoints go to <paramref name="checkpointFolder"/>.</summary>
    public static AuditAnchor InKeyRing(string keysPath, string checkpointFolder, IDataProtectionProvider keyRing) =>
        new(() => LoadOrCreateKey(Path.Combine(keysPath, KeyFileName), keyRing.CreateProtector(Purpose)), checkpointFolder);

    /// <summary>An anchor that lives only in this object (tests and tools that never reopen their data elsewhere).</summary>
    public static AuditAnchor Ephemeral() => new(() => RandomNumberGenerator.GetBytes(32), null);

    /// <summary>Where the checkpoints are written; null for an ephemeral anchor.</summary>
    public string? CheckpointFolder => _checkpointFolder;

    internal byte[] Key => _key.Value;

    /// <summary>The newest checkpoint of <paramref name="chain"/>, or null when none was ever written.</summary>
    public AuditCheckpoint? ReadCheckpoint(string chain)
    {
        if (_checkpointFolder is null) return _latest.GetValueOrDefault(chain);
        var file = CheckpointFile(chain);
        return File.Exists(file) ? JsonSerializer.Deserialize(File.ReadAllBytes(file), AuditJsonContext.Default.AuditCheckpoint) : null;
    }

    /// <summary>
    /// Records a newer state of a chain; an older one (another process got further first) is ignored. Also notes which chain
    /// <paramref name="database"/> holds, so that a log emptied of every row (no first row left to name its chain) is still
    /// found out (<see cref="ChainOf"/>).
    /// </summary>
    internal void Advance(AuditCheckpoint checkpoint, string database)
    {
        lock (_writing)
        {
            if (_checkpointFolder is not null && _chainOfDatabase.GetValueOrDefault(database) != checkpoint.Chain)
            {
                Directory.CreateDirectory(_checkpointFolder);
                WriteAtomically(DatabaseFile(database), System.Text.Encoding.ASCII.GetBytes(checkpoint.Chain));
            }
            _chainOfDatabase[database] = checkpoint.Chain;
            // The file, not this process's memory, decides: another process sharing the key ring may have got further.
            var newest = ReadCheckpoint(checkpoint.Chain);
            if (newest is not null && newest.LastId >= checkpoint.LastId) return;
            if (_checkpointFolder is not null)
            {
                Directory.CreateDirectory(_checkpointFolder);
                WriteAtomically(CheckpointFile(checkpoint.Chain), JsonSerializer.SerializeToUtf8Bytes(checkpoint, AuditJsonContext.Default.AuditCheckpoint));
            }
            _latest[checkpoint.Chain] = checkpoint;
        }
    }

    /// <summary>The chain whose checkpoints <paramref name="database"/> last advanced, or null when it never wrote one.</summary>
    public string? ChainOf(string database)
    {
        if (_checkpointFolder is null) return _chainOfDatabase.GetValueOrDefault(database);
        var file = DatabaseFile(database);
        return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
    }

    /// <summary>Written aside and renamed over the old one, so a reader never sees half a file.</summary>
    private void WriteAtomically(string file, byte[] content)
    {
        var temp = Path.Combine(_checkpointFolder!, $".{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temp, content);
        File.Move(temp, file, overwrite: true);
    }

    /// <summary>A file per database, named by a hash of where it is (<see cref="AuditDatabase.Identity"/>), never by the connection string itself.</summary>
    private string DatabaseFile(string database) =>
        Path.Combine(_checkpointFolder!, $"database-{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(database)))[..32]}.chain");

    /// <summary>The last checkpoint this process wrote for a chain, to count on from without counting the table again.</summary>
    internal AuditCheckpoint? LatestWritten(string chain) => _latest.GetValueOrDefault(chain);

    private string CheckpointFile(string chain) => Path.Combine(_checkpointFolder!, $"audit-{chain[..32]}.checkpoint.json");

    private static byte[] LoadOrCreateKey(string file, IDataProtector protector)
    {
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var temp = file + $".{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temp, Convert.ToBase64String(protector.Protect(RandomNumberGenerator.GetBytes(32))));
            // Never overwrite: when two processes create a key at once, the first one's stays and both use it.
            try { File.Move(temp, file, overwrite: false); }
            catch (IOException) when (File.Exists(file)) { File.Delete(temp); }
        }
        return protector.Unprotect(Convert.FromBase64String(File.ReadAllText(file)));
    }
}
