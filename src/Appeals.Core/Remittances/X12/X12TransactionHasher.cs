using System.Buffers;
using System.Security.Cryptography;

namespace Appeals.Core.Remittances.X12;

/// <summary>
/// SHA-256 of one transaction's bytes at a time, computed on a thread-pool thread while the reader maps
/// the segments that follow (ADR 0011). Bytes are copied into pooled chunks as the scanner passes them,
/// so the reader's buffer can be recycled at once; the caller waits only at the end of the transaction,
/// by when the earlier chunks are normally hashed, and hashes the short tail itself.
/// </summary>
internal sealed class X12TransactionHasher : IDisposable
{
    /// <summary>Smaller chunks leave less for the reader to hash at SE; larger ones cost fewer hand-overs.</summary>
    internal const int ChunkSize = 16 * 1024;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private Task _pending = Task.CompletedTask;

    /// <summary>Queues a copy of <paramref name="bytes"/> to be hashed after what was queued before.</summary>
    internal void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        var chunk = ArrayPool<byte>.Shared.Rent(bytes.Length);
        bytes.CopyTo(chunk);
        var length = bytes.Length;
        _pending = _pending.ContinueWith(_ =>
        {
            _hash.AppendData(chunk, 0, length);
            ArrayPool<byte>.Shared.Return(chunk);
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>Hashes <paramref name="tail"/> after everything queued and returns the lowercase hex digest; ready for the next transaction.</summary>
    internal string Finish(ReadOnlySpan<byte> tail)
    {
        _pending.GetAwaiter().GetResult();
        _hash.AppendData(tail);
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    /// <summary>The digest of what was queued, for a transaction that lost its SE (it is refused, so the value is not stored).</summary>
    internal string Abandon() => Finish([]);

    public void Dispose()
    {
        // A chunk may still be hashing when enumeration stops early: let it finish before the hash goes away.
        _pending.Wait();
        _hash.Dispose();
    }
}
