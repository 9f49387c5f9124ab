using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Outcomes;

/// <summary>
/// Reads the rows for a list of values, a thousand values a query. Each query takes its values as one JSON parameter
/// (<c>EF.Parameter(chunk)</c>: one query plan whatever the list's length, and no SQL Server 2,100-parameter limit);
/// the chunks keep that parameter small for a remittance of 150,000 claims.
/// </summary>
internal static class QueryChunk
{
    private const int Size = 1000;

    public static async Task<List<TRow>> ReadAsync<TValue, TRow>(IEnumerable<TValue> values, Func<TValue[], IQueryable<TRow>> query, CancellationToken ct)
    {
        var rows = new List<TRow>();
        foreach (var chunk in values.Chunk(Size)) rows.AddRange(await query(chunk).ToListAsync(ct));
        return rows;
    }

    /// <summary>As above for a query on two lists, a thousand values of each a query (the shorter one runs out first: an empty chunk).</summary>
    public static async Task<List<TRow>> ReadAsync<TFirst, TSecond, TRow>(IReadOnlyList<TFirst> first, IReadOnlyList<TSecond> second,
        Func<TFirst[], TSecond[], IQueryable<TRow>> query, CancellationToken ct)
    {
        var rows = new List<TRow>();
        for (var at = 0; at < Math.Max(first.Count, second.Count); at += Size)
            rows.AddRange(await query(Slice(first, at), Slice(second, at)).ToListAsync(ct));
        return rows;
    }

    private static T[] Slice<T>(IReadOnlyList<T> values, int at) => values.Skip(at).Take(Size).ToArray();
}
