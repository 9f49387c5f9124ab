using System.Data.Common;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>Inserts rows of one entity, ids supplied by the caller, inside the caller's transaction.</summary>
internal interface IRowInserter<in T> : IDisposable where T : class
{
    /// <summary>The largest id stored (0 for an empty table), read inside the writing transaction.</summary>
    long MaxId(DbTransaction transaction);

    /// <summary>Inserts the rows; encrypted claim columns are taken from <paramref name="sealedPhi"/> when it covers these rows.</summary>
    void Insert(IReadOnlyList<T> rows, DbTransaction transaction, Privacy.SealedClaimPhi? sealedPhi = null);
}
