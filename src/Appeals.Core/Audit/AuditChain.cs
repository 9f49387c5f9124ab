using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Appeals.Core.Audit;

/// <summary>How a row's hash is computed: the one definition both the writer and the verifier use (ADR 0085).</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first row.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// Lowercase hex HMAC-SHA256, under the audit key of the key ring, over the previous hash and every content field, each
    /// length-prefixed so no two rows can collide by shifting text between fields. Without the key nobody can write a row
    /// that verifies, so a database writer can neither edit a row nor recompute the rows after it.
    /// </summary>
    public static string ComputeHash(AuditEntry e, byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Canonical(e)));

    /// <summary>
    /// The unkeyed SHA-256 of rows written before the chain was keyed. The verifier accepts it only for rows that come
    /// before the first keyed row: once a keyed row exists, an unkeyed one after it is a forgery.
    /// </summary>
    public static string ComputeUnkeyedHash(AuditEntry e) => Convert.ToHexStringLower(SHA256.HashData(Canonical(e)));

    private static byte[] Canonical(AuditEntry e)
    {
        var text = new StringBuilder();
        foreach (var field in new[]
                 {
                     e.PreviousHash, e.At.UtcTicks.ToString(CultureInfo.InvariantCulture), e.UserName, e.Action,
                     e.EntityType, e.EntityId, e.Reason, e.Details,
                 })
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

/// <summary>The result of walking the chain: intact, or the first row where it breaks and how; and the checkpoint it was held against.</summary>
public sealed record AuditVerification(bool Intact, long RowsChecked, long? FirstBrokenId, string? Problem, AuditCheckpoint? Checkpoint = null)
{
    public static AuditVerification Ok(long rows, AuditCheckpoint? checkpoint) => new(true, rows, null, null, checkpoint);
}
