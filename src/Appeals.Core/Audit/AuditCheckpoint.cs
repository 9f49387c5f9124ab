using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Appeals.Core.Audit;

/// <summary>
/// What the audit log looked like after an append, kept outside the database and signed with the audit key (ADR 0085):
/// the chain it belongs to (the hash of its first row), the last row's id and hash, and how many rows there were up to it.
/// Rows deleted from the end, or a chain recomputed from some row on, no longer match it.
/// </summary>
public sealed record AuditCheckpoint(string Chain, long LastId, string LastHash, long Count, DateTimeOffset At, string Signature)
{
    /// <summary>A checkpoint signed with <paramref name="key"/>.</summary>
    public static AuditCheckpoint Sign(string chain, long lastId, string lastHash, long count, DateTimeOffset at, byte[] key) =>
        new(chain, lastId, lastHash, count, at, Mac(chain, lastId, lastHash, count, at, key));

    /// <summary>Whether the signature is this checkpoint's under <paramref name="key"/> (compared in constant time).</summary>
    public bool IsSignedWith(byte[] key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(Chain, LastId, LastHash, Count, At, key)), Encoding.ASCII.GetBytes(Signature));

    private static string Mac(string chain, long lastId, string lastHash, long count, DateTimeOffset at, byte[] key)
    {
        // A prefix of its own, so a checkpoint's signature can never equal a row's hash.
        var text = string.Join('\n', "appeals-audit-checkpoint-v1", chain, lastId.ToString(CultureInfo.InvariantCulture), lastHash,
            count.ToString(CultureInfo.InvariantCulture), at.UtcTicks.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }
}
