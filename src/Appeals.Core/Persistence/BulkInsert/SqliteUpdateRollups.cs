using Appeals.Core.Rollups;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// The rollups of a set-based <c>UPDATE … FROM</c> on SQLite (ADR 0159), kept by the writer instead of the per-row update
/// trigger: the update runs with the connection's triggers off (<see cref="SqliteTriggerSwitch"/>); the rows it is to change
/// are copied before it and after it into two temporary tables with the source's columns, and one statement per rollup,
/// generated from the definitions that generate the trigger (<see cref="RollupTriggers.SqliteAddChanged"/>), adds the new
/// rows' contributions less the old rows', summed per key; emptied keys are then pruned as the trigger prunes them. The
/// trigger ran a subprogram of six upserts and three deletes per row; these read each row twice, from memory.
/// </summary>
internal sealed class SqliteUpdateRollups
{
    private SqliteUpdateRollups(string table, string key, string rows, string before, IReadOnlyList<RollupTable> rollups)
    {
        var (oldName, newName) = ($"\"{table}_RollupsOld\"", $"\"{table}_RollupsNew\"");
        var (oldRows, newRows) = ($"temp.{oldName}", $"temp.{newName}");
        string Drop() => $"DROP TABLE IF EXISTS {oldRows}; DROP TABLE IF EXISTS {newRows};";
        // Made afresh for each update (not kept on the pooled connection), so that their columns are the source's of now.
        Begin = $"{Drop()} CREATE TEMP TABLE {oldName} AS SELECT * FROM \"{table}\" WHERE 0; CREATE TEMP TABLE {newName} AS SELECT * FROM \"{table}\" WHERE 0;";
        TakeOld = $"DELETE FROM {oldRows}; INSERT INTO {oldRows} SELECT r.* FROM {rows} CROSS JOIN \"{table}\" AS r WHERE {before};";
        // The update changes exactly the rows taken before it (the same key and stamps, matched in the same transaction), so
        // they are found again by their keys, without reading the JSON a third time.
        var taken = $"DELETE FROM {newRows}; INSERT INTO {newRows} SELECT r.* FROM {oldRows} AS o CROSS JOIN \"{table}\" AS r WHERE r.{key} = o.{key};";
        AddNew = string.Join("\n", [taken, .. rollups.Select(t => RollupTriggers.SqliteAddChanged(t, oldRows, newRows)),
            .. rollups.Select(t => RollupTriggers.SqliteDeleteEmptyOf(t, oldRows))]);
        End = Drop();
    }

    /// <summary>Run once before the first rows: the two temporary tables, empty.</summary>
    public string Begin { get; }

    /// <summary>Run before each update: the stored rows it is to change, as they are.</summary>
    public string TakeOld { get; }

    /// <summary>Run after each update: the rows as it left them, every rollup's change, and the keys left empty deleted.</summary>
    public string AddNew { get; }

    /// <summary>Run once after the last rows.</summary>
    public string End { get; }

    /// <summary>
    /// The statements for an update of <paramref name="table"/> (undelimited) that sets <paramref name="setColumns"/>; null when
    /// the update trigger would not fire (no watched column set). <paramref name="rows"/> is the update's rows (a FROM item);
    /// <paramref name="before"/> pairs each with its source row <c>r</c> as the update does (key and stamps read);
    /// <paramref name="key"/> is the source's key column (delimited).
    /// </summary>
    public static SqliteUpdateRollups? For(string table, string key, IReadOnlyCollection<string> setColumns, string rows, string before)
    {
        // The trigger is one per source, on the union of its rollups' watched columns, and updates all of them: so do these.
        var rollups = RollupTable.All.Where(t => t.Source == table).ToList();
        return setColumns.Any(c => rollups.Any(t => t.WatchedColumns.Contains(c))) ? new SqliteUpdateRollups(table, key, rows, before, rollups) : null;
    }
}
