using Appeals.Core.Rollups;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// The rollups of a set-based <c>UPDATE … FROM</c> on SQLite (ADR 0159), kept by the writer instead of the per-row update
/// trigger: the update runs with the connection's triggers off (<see cref="SqliteTriggerSwitch"/>), and statements generated
/// from the definitions that generate the trigger (<see cref="RollupTriggers.SqliteAddUpdated"/>) take the old rows'
/// contributions out before it, add the new rows' after it and prune the emptied keys, summed per key instead of one upsert
/// and one delete per row and rollup.
/// </summary>
internal sealed class SqliteUpdateRollups
{
    private SqliteUpdateRollups(string subtract, string addAndPrune) => (Subtract, AddAndPrune) = (subtract, addAndPrune);

    /// <summary>Run before the update, in its transaction: the old rows' contributions taken out of every rollup.</summary>
    public string Subtract { get; }

    /// <summary>Run after the update: the new rows' contributions added, and the keys left empty deleted.</summary>
    public string AddAndPrune { get; }

    /// <summary>
    /// The statements for an update of <paramref name="table"/> (undelimited) that sets <paramref name="setColumns"/>; null when
    /// the update trigger would not fire (no watched column set), or when the update moves rows between rollup keys (a key column
    /// set: the keys to prune are then not the updated rows' keys): such an update keeps the trigger. <paramref name="rows"/> is
    /// the update's rows (a FROM item); <paramref name="before"/> pairs each with its source row <c>r</c> as the update does
    /// (key and stamps read), <paramref name="after"/> as the updated row is then (key, and stamps as set).
    /// </summary>
    public static SqliteUpdateRollups? For(string table, IReadOnlyCollection<string> setColumns, string rows, string before, string after)
    {
        // The trigger is one per source, on the union of its rollups' watched columns, and updates all of them: so do these.
        var rollups = RollupTable.All.Where(t => t.Source == table).ToList();
        if (!setColumns.Any(c => rollups.Any(t => t.WatchedColumns.Contains(c)))) return null;
        if (setColumns.Any(c => rollups.Any(t => t.Keys.Contains(c)))) return null;
        return new SqliteUpdateRollups(
            string.Join("\n", rollups.Select(t => RollupTriggers.SqliteAddUpdated(t, rows, before, subtract: true))),
            string.Join("\n", rollups.Select(t => RollupTriggers.SqliteAddUpdated(t, rows, after, subtract: false))
                .Concat(rollups.Select(t => RollupTriggers.SqliteDeleteEmptyOf(t, rows, after)))));
    }
}
