using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Rollups;

/// <summary>
/// Compares each dashboard rollup with a recomputation from its source rows, in the database. The
/// triggers should make them always equal; this is how tests (and an operator in doubt) prove it.
/// </summary>
public static class RollupCheck
{
    /// <summary>One line per rollup that differs ("DenialDayRollups: 2 rows differ"), empty when all are exact.</summary>
    public static async Task<IReadOnlyList<string>> DifferencesAsync(AppealsDbContext db, CancellationToken ct = default)
    {
        var dialect = RollupDialect.For(AppealsDatabase.ProviderOf(db.Database));
        var differences = new List<string>();
        foreach (var table in RollupTable.All)
        {
            var keys = string.Join(", ", table.Keys.Select(dialect.Quote));
            var measures = table.Measures(dialect, "r").Select(m => dialect.Quote(m.Column)).ToList();
            var stored = $"SELECT {keys}, {string.Join(", ", measures)} FROM {dialect.Quote(table.Name)}";
            var recomputed = $"SELECT {keys}, {string.Join(", ", measures.Select(m => $"SUM({m})"))} FROM ({table.Facts(dialect)}) AS f GROUP BY {keys}";
            var missing = await CountAsync(db, dialect, $"{recomputed} EXCEPT {stored}", ct);
            var extra = await CountAsync(db, dialect, $"{stored} EXCEPT {recomputed}", ct);
            if (missing + extra > 0)
                differences.Add($"{table.Name}: {extra} stored rows not in a recomputation, {missing} recomputed rows not stored");
        }
        return differences;
    }

    // The SQL is built from the rollups' own names and expressions, never from input.
    // The column is quoted (PostgreSQL folds bare names to lower case) and cast (its COUNT is a bigint).
    private static async Task<int> CountAsync(AppealsDbContext db, RollupDialect dialect, string query, CancellationToken ct)
    {
        var count = $"SELECT CAST(COUNT(*) AS integer) AS {dialect.Quote("Value")} FROM (" + query + ") AS x";
        return await db.Database.SqlQueryRaw<int>(count).SingleAsync(ct);
    }
}
