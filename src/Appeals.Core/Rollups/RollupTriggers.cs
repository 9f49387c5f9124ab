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
        DatabaseProvider.PostgreSql => [.. Sources().SelectMany(PostgreSqlTriggers), .. RollupTable.All.Select(t => t.Rebuild(RollupDialect.PostgreSql))],
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
        // Dropping a function drops its triggers with it.
        DatabaseProvider.PostgreSql => [.. Sources().SelectMany(s => PostgreSqlEvents.Select(e => $"DROP FUNCTION IF EXISTS \"{TriggerName(s.Key)}_{e}\"() CASCADE;"))],
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>The trigger names a database must have for the rollups to stay correct.</summary>
    public static IReadOnlyList<string> SqliteTriggerNames =>
        [.. Sources().SelectMany(s => new[] { "insert", "update", "delete" }.Select(e => $"{TriggerName(s.Key)}_{e}"))];

    /// <summary>The trigger names a PostgreSQL database must have (one statement-level trigger per source and event).</summary>
    public static IReadOnlyList<string> PostgreSqlTriggerNames =>
        [.. Sources().SelectMany(s => PostgreSqlEvents.Select(e => $"{TriggerName(s.Key)}_{e}"))];

    private static readonly string[] PostgreSqlEvents = ["insert", "update", "delete"];

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
        // SELECT ... WHERE, not VALUES: the source's condition (no reversals) applies to the row.
        var where = t.Condition?.Invoke(d, row) ?? "1 = 1";
        return $"  INSERT INTO {d.Quote(t.Name)} ({columns}) SELECT {values} WHERE {where}\n" +
               $"    {SqliteAccumulate(t, measures)};\n";
    }

    // What a row's contribution does to a key that already has a rollup row: each measure adds.
    private static string SqliteAccumulate(RollupTable t, IReadOnlyList<(string Column, string Expression)> measures)
    {
        var d = RollupDialect.Sqlite;
        var add = string.Join(", ", measures.Select(m => $"{d.Quote(m.Column)} = {d.Quote(m.Column)} + excluded.{d.Quote(m.Column)}"));
        return $"ON CONFLICT ({string.Join(", ", t.Keys.Select(d.Quote))}) DO UPDATE SET {add}";
    }

    /// <summary>
    /// SQLite (ADR 0151): one statement that adds to <paramref name="t"/> what its insert trigger adds for each source row
    /// whose id is from <c>?1</c> to <c>?2</c>, for the bulk writer, whose inserts run without the triggers. Built from the
    /// same keys, measures, condition and upsert as the trigger (<see cref="SqliteUpsert"/>), the contributions summed per
    /// key; keys new to the rollup are inserted in the order of their first row, as the trigger inserts them, so even the
    /// rollup rows' rowids are the trigger's.
    /// </summary>
    internal static string SqliteAddInserted(RollupTable t) => SqliteAdd(t, t.SqliteFactsOfIdRange());

    /// <summary>
    /// SQLite (ADR 0159): what the update trigger adds to <paramref name="t"/> for the rows a set-based <c>UPDATE … FROM</c>
    /// changed while the triggers were off: the new rows' contributions less the old rows', the rows copied before the update
    /// into <paramref name="oldRows"/> and after it into <paramref name="newRows"/> (tables with the source's columns). Built
    /// from the same keys, measures, condition and upsert as the trigger, summed per key (measures are integers, so the sums
    /// equal the trigger's additions one row at a time); <see cref="SqliteDeleteEmptyOf"/> then prunes as the trigger does.
    /// </summary>
    internal static string SqliteAddChanged(RollupTable t, string oldRows, string newRows)
    {
        var d = RollupDialect.Sqlite;
        var keys = string.Join(", ", t.Keys.Select(d.Quote));
        var measures = t.Measures(d, "r").Select(m => d.Quote(m.Column)).ToList();
        var id = d.Quote("Id");
        var taken = $"SELECT {keys}, {string.Join(", ", measures.Select(m => $"-{m} AS {m}"))}, {id} FROM ({t.SqliteFactsOf(oldRows)}) AS o";
        var facts = $"{taken} UNION ALL {t.SqliteFactsOf(newRows)}";
        return SqliteAdd(t, facts);
    }

    // The contributions of the rows "facts" selects (with their ids), summed per key and upserted as the trigger's upsert;
    // keys new to the rollup are inserted in the order of their first row, as the trigger inserts them.
    private static string SqliteAdd(RollupTable t, string facts)
    {
        var d = RollupDialect.Sqlite;
        var measures = t.Measures(d, "r");
        var keys = string.Join(", ", t.Keys.Select(d.Quote));
        var columns = string.Join(", ", t.Keys.Concat(measures.Select(m => m.Column)).Select(d.Quote));
        var sums = string.Join(", ", measures.Select(m => $"SUM({d.Quote(m.Column)})"));
        var id = d.Quote("Id");
        return $"INSERT INTO {d.Quote(t.Name)} ({columns}) SELECT {keys}, {sums} FROM ({facts}) AS f GROUP BY {keys} ORDER BY MIN(f.{id})\n" +
               $"    {SqliteAccumulate(t, measures)};";
    }

    /// <summary>
    /// SQLite (ADR 0159): deletes the rows of <paramref name="t"/> left empty (first measure zero) among the keys of the old rows
    /// (<paramref name="oldRows"/>), as the update trigger deletes an emptied key of its OLD row. Every old row counts, whatever
    /// the rollup's condition: a row that stopped counting emptied its key.
    /// </summary>
    internal static string SqliteDeleteEmptyOf(RollupTable t, string oldRows)
    {
        var d = RollupDialect.Sqlite;
        var first = d.Quote(t.Measures(d, "r")[0].Column);
        var keys = string.Join(", ", t.Keys.Select(d.Quote));
        return $"DELETE FROM {d.Quote(t.Name)} WHERE {first} = 0 AND ({keys}) IN (SELECT {keys} FROM {oldRows});";
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

    // PostgreSQL: per source and event one statement-level trigger whose transition tables (inserted, deleted) hold
    // every row the statement changed, so a bulk COPY of a million cases runs the upserts once, set-based, as on SQL
    // Server. Deltas are summed per key and upserted in key order (two writers lock rollup rows in the same order, so
    // they wait for each other instead of deadlocking); a group that reaches zero is deleted.
    private static IEnumerable<string> PostgreSqlTriggers(IGrouping<string, RollupTable> source)
    {
        var d = RollupDialect.PostgreSql;
        var name = TriggerName(source.Key);
        var watched = source.SelectMany(t => t.WatchedColumns).Distinct().ToList();
        var unchanged = $"""
            IF NOT EXISTS (SELECT 1 FROM inserted AS n JOIN deleted AS o ON n."Id" = o."Id"
                WHERE ({string.Join(", ", watched.Select(c => $"n.{d.Quote(c)}"))}) IS DISTINCT FROM ({string.Join(", ", watched.Select(c => $"o.{d.Quote(c)}"))})) THEN
              RETURN NULL;
            END IF;

            """;
        foreach (var e in PostgreSqlEvents)
        {
            var sides = e switch { "insert" => new[] { ("inserted", "") }, "delete" => [("deleted", "-")], _ => [("inserted", ""), ("deleted", "-")] };
            var body = string.Concat(source.Select(t => PostgreSqlUpsert(t, sides)));
            var referencing = e switch { "insert" => "NEW TABLE AS inserted", "delete" => "OLD TABLE AS deleted", _ => "NEW TABLE AS inserted OLD TABLE AS deleted" };
            yield return $"""
                CREATE OR REPLACE FUNCTION "{name}_{e}"() RETURNS trigger LANGUAGE plpgsql AS $rollup$
                BEGIN
                {(e == "update" ? unchanged : "")}{body}RETURN NULL;
                END;
                $rollup$;
                """;
            yield return $"DROP TRIGGER IF EXISTS \"{name}_{e}\" ON \"{source.Key}\";";
            yield return $"""CREATE TRIGGER "{name}_{e}" AFTER {e.ToUpperInvariant()} ON "{source.Key}" REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION "{name}_{e}"();""";
        }
    }

    private static string PostgreSqlUpsert(RollupTable t, IReadOnlyList<(string Table, string Sign)> sides)
    {
        var d = RollupDialect.PostgreSql;
        var measures = t.Measures(d, "r");
        var keys = string.Join(", ", t.Keys.Select(d.Quote));
        string Side((string Table, string Sign) side)
        {
            var cols = t.Keys.Select(k => $"r.{d.Quote(k)}").Concat(measures.Select(m => $"{side.Sign}({m.Expression}) AS {d.Quote(m.Column)}"));
            var where = t.Condition is null ? "" : $" WHERE {t.Condition(d, "r")}";
            return $"SELECT {string.Join(", ", cols)} FROM {side.Table} AS r{where}";
        }
        var sums = string.Join(", ", measures.Select(m => $"SUM({d.Quote(m.Column)})"));
        var all = string.Join(", ", t.Keys.Concat(measures.Select(m => m.Column)).Select(d.Quote));
        var set = string.Join(", ", measures.Select(m => $"{d.Quote(m.Column)} = t.{d.Quote(m.Column)} + excluded.{d.Quote(m.Column)}"));
        var first = d.Quote(measures[0].Column);
        var touched = string.Join(" UNION ", sides.Select(s => $"SELECT {string.Join(", ", t.Keys.Select(k => $"r.{d.Quote(k)}"))} FROM {s.Table} AS r"));
        return $"""
            INSERT INTO {d.Quote(t.Name)} AS t ({all})
              SELECT {keys}, {sums} FROM ({string.Join(" UNION ALL ", sides.Select(Side))}) AS x GROUP BY {keys} ORDER BY {keys}
              ON CONFLICT ({keys}) DO UPDATE SET {set};
            DELETE FROM {d.Quote(t.Name)} WHERE {first} = 0 AND ({keys}) IN ({touched});

            """;
    }
}
