using Appeals.Core.Persistence;

namespace Appeals.Core.Rollups;

/// <summary>
/// The SQL that creates the rollups' triggers and fills the rollups from existing rows, per
/// provider. Migrations run it (ADR 0052): a migration regenerated from the model alone would lose
/// it, and <c>MigrationTests</c> fails when the triggers are missing.
/// </summary>
public static class RollupTriggers
{
    /// <summary>Statements that create the triggers and rebuild every rollup (run after the tables exist).</summary>
    public static IReadOnlyList<string> Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => [.. Sources().SelectMany(SqliteTriggers), .. RollupTable.All.Select(t => t.Rebuild(RollupDialect.Sqlite))],
        // CREATE TRIGGER must open its batch, and the idempotent script puts each statement inside IF ... BEGIN: EXEC it.
        DatabaseProvider.SqlServer => [.. Sources().Select(s => $"EXEC(N'{SqlServerTrigger(s).Replace("'", "''")}');"),
            .. RollupTable.All.Select(t => t.Rebuild(RollupDialect.SqlServer))],
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>
    /// Statements that replace the triggers of an existing database with this code's and rebuild the rollups: a migration
    /// that changes what a rollup counts (PayerContractsAndCaseKind: underpayment cases are not denials) runs these.
    /// </summary>
    public static IReadOnlyList<string> Recreate(DatabaseProvider provider) => [.. Drop(provider), .. Create(provider)];

    /// <summary>Statements that drop the triggers (the migration's Down).</summary>
    public static IReadOnlyList<string> Drop(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => [.. Sources().SelectMany(s => new[] { "insert", "update", "delete" }
            .Select(e => $"DROP TRIGGER IF EXISTS \"{TriggerName(s.Key)}_{e}\";"))],
        DatabaseProvider.SqlServer => [.. Sources().Select(s => $"DROP TRIGGER IF EXISTS [{TriggerName(s.Key)}];")],
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>The trigger names a database must have for the rollups to stay correct.</summary>
    public static IReadOnlyList<string> SqliteTriggerNames =>
        [.. Sources().SelectMany(s => new[] { "insert", "update", "delete" }.Select(e => $"{TriggerName(s.Key)}_{e}"))];

    internal static string TriggerName(string source) => $"{source}_Rollups";

    private static IEnumerable<IGrouping<string, RollupTable>> Sources() => RollupTable.All.GroupBy(t => t.Source);

    private static IEnumerable<string> SqliteTriggers(IGrouping<string, RollupTable> source)
    {
        var d = RollupDialect.Sqlite;
        var name = TriggerName(source.Key);
        var watched = string.Join(", ", source.SelectMany(t => t.WatchedColumns).Distinct().Select(d.Quote));
        string Add(string row) => string.Concat(source.Select(t => SqliteUpsert(t, row, "")));
        string Remove(string row) => string.Concat(source.Select(t => SqliteUpsert(t, row, "-") + SqliteDeleteEmpty(t, row)));
        yield return $"CREATE TRIGGER IF NOT EXISTS \"{name}_insert\" AFTER INSERT ON \"{source.Key}\" BEGIN\n{Add("NEW")}END;";
        yield return $"CREATE TRIGGER IF NOT EXISTS \"{name}_update\" AFTER UPDATE OF {watched} ON \"{source.Key}\" BEGIN\n{Remove("OLD")}{Add("NEW")}END;";
        yield return $"CREATE TRIGGER IF NOT EXISTS \"{name}_delete\" AFTER DELETE ON \"{source.Key}\" BEGIN\n{Remove("OLD")}END;";
    }

    private static string SqliteUpsert(RollupTable t, string row, string sign)
    {
        var d = RollupDialect.Sqlite;
        var measures = t.Measures(d, row);
        var columns = string.Join(", ", t.Keys.Concat(measures.Select(m => m.Column)).Select(d.Quote));
        var values = string.Join(", ", t.Keys.Select(k => $"{row}.{d.Quote(k)}").Concat(measures.Select(m => $"{sign}({m.Expression})")));
        var add = string.Join(", ", measures.Select(m => $"{d.Quote(m.Column)} = {d.Quote(m.Column)} + excluded.{d.Quote(m.Column)}"));
        // SELECT ... WHERE, not VALUES: the source's condition (no reversals) applies to the row.
        var where = t.Condition?.Invoke(d, row) ?? "1 = 1";
        return $"  INSERT INTO {d.Quote(t.Name)} ({columns}) SELECT {values} WHERE {where}\n" +
               $"    ON CONFLICT ({string.Join(", ", t.Keys.Select(d.Quote))}) DO UPDATE SET {add};\n";
    }

    // A group whose last case moved away leaves no row behind, so the rollup equals a recomputation.
    private static string SqliteDeleteEmpty(RollupTable t, string row)
    {
        var d = RollupDialect.Sqlite;
        var first = d.Quote(t.Measures(d, row)[0].Column);
        var keys = string.Join(" AND ", t.Keys.Select(k => $"{d.Quote(k)} = {row}.{d.Quote(k)}"));
        return $"  DELETE FROM {d.Quote(t.Name)} WHERE {keys} AND {first} = 0;\n";
    }

    // One set-based trigger per source: the deltas of inserted (+) and deleted (-) rows, summed per
    // key, merged into each rollup; a group that reaches zero is deleted.
    private static string SqlServerTrigger(IGrouping<string, RollupTable> source)
    {
        var d = RollupDialect.SqlServer;
        var watched = string.Join(" OR ", source.SelectMany(t => t.WatchedColumns).Distinct().Select(c => $"UPDATE({d.Quote(c)})"));
        var merges = string.Concat(source.Select(t =>
        {
            var measures = t.Measures(d, "r");
            var keys = string.Join(", ", t.Keys.Select(d.Quote));
            string Side(string table, string sign)
            {
                var cols = t.Keys.Select(k => $"r.{d.Quote(k)}").Concat(measures.Select(m => $"{sign}({m.Expression}) AS {d.Quote(m.Column)}"));
                var where = t.Condition is null ? "" : $" WHERE {t.Condition(d, "r")}";
                return $"SELECT {string.Join(", ", cols)} FROM {table} AS r{where}";
            }
            var sums = string.Join(", ", measures.Select(m => $"SUM({d.Quote(m.Column)}) AS {d.Quote(m.Column)}"));
            var on = string.Join(" AND ", t.Keys.Select(k => $"t.{d.Quote(k)} = s.{d.Quote(k)}"));
            var first = d.Quote(measures[0].Column);
            var set = string.Join(", ", measures.Select(m => $"t.{d.Quote(m.Column)} = t.{d.Quote(m.Column)} + s.{d.Quote(m.Column)}"));
            var all = string.Join(", ", t.Keys.Concat(measures.Select(m => m.Column)).Select(d.Quote));
            var values = string.Join(", ", t.Keys.Concat(measures.Select(m => m.Column)).Select(c => $"s.{d.Quote(c)}"));
            return $"""
                MERGE {d.Quote(t.Name)} WITH (HOLDLOCK) AS t
                USING (SELECT {keys}, {sums} FROM ({Side("inserted", "")} UNION ALL {Side("deleted", "-")}) AS x GROUP BY {keys}) AS s
                ON {on}
                WHEN MATCHED AND t.{first} + s.{first} = 0 THEN DELETE
                WHEN MATCHED THEN UPDATE SET {set}
                WHEN NOT MATCHED THEN INSERT ({all}) VALUES ({values});

                """;
        }));
        return $"""
            CREATE OR ALTER TRIGGER [{TriggerName(source.Key)}] ON [{source.Key}] AFTER INSERT, UPDATE, DELETE AS
            BEGIN
            SET NOCOUNT ON;
            IF EXISTS (SELECT 1 FROM inserted) AND EXISTS (SELECT 1 FROM deleted) AND NOT ({watched}) RETURN;
            {merges}END;
            """;
    }
}
