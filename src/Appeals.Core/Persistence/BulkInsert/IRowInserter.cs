using System.Data.Common;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>Inserts rows of one entity, ids supplied by the caller, inside the caller's transaction.</summary>
internal interface IRowInserter<in T> : IDisposable where T : class
{
    /// <summary>
    /// Ids for <paramref name="count"/> new rows. SQLite and SQL Server: the ones after the largest stored, read inside the
    /// writing transaction (one writer at a time, ADR 0020). PostgreSQL: taken from the key's identity sequence, so
    /// writers on several nodes never wait for each other nor take the same id (ADR 0110).
    /// </summary>
    IdBlock Reserve(int count, DbTransaction transaction);

    /// <summary>Inserts the rows; encrypted claim columns are taken from <paramref name="sealedPhi"/> when it covers these rows.</summary>
    void Insert(IReadOnlyList<T> rows, DbTransaction transaction, Privacy.SealedClaimPhi? sealedPhi = null);
}

/// <summary>Ids handed out one at a time: a run after a first id, or a list the database gave.</summary>
internal sealed class IdBlock
{
    private readonly long[]? _ids;
    private long _next;
    private int _index;

    private IdBlock(long first, long[]? ids) => (_next, _ids) = (first, ids);

    /// <summary>The ids after <paramref name="maxId"/>, without gaps.</summary>
    public static IdBlock After(long maxId) => new(maxId + 1, null);

    /// <summary>Exactly these ids, in this order.</summary>
    public static IdBlock Of(long[] ids) => new(0, ids);

    public long Next() => _ids is null ? _next++ : _ids[_index++];
}
