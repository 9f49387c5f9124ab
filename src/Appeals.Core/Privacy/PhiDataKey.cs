namespace Appeals.Core.Privacy;

/// <summary>
/// A random AES-256 data key of the envelope encryption of PHI (ADR 0071). Stored in <c>PhiDataKeys</c> only
/// as <see cref="ProtectedKey"/>, encrypted by Data Protection, so the key ring outside the database stays the root:
/// a database copied without its key folder is unreadable.
/// </summary>
public sealed class PhiDataKey
{
    /// <summary>Random; every encrypted value names the key it was sealed with by this id.</summary>
    public Guid Id { get; set; }

    /// <summary>The key encrypted with Data Protection (purpose <c>Appeals.Phi.v1</c>, sub-purpose <c>DataKeys</c>).</summary>
    public byte[] ProtectedKey { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The clear key, in memory only (never mapped).</summary>
    internal byte[] Key { get; set; } = [];
}
