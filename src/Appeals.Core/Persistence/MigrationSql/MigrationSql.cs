namespace Appeals.Core.Persistence.MigrationSql;

/// <summary>
/// SQL that migrations run besides the model's DDL, frozen as text (embedded <c>*.sql</c> files beside this class) when
/// the migration was written (ADR 0123): a migration must create what it created the day it shipped, whatever the code
/// that once wrote that SQL (<see cref="Rollups.RollupTriggers"/>) says today. Kept here, not in the generated
/// migration files, so that a regenerated migration keeps it by calling these again.
/// </summary>
public static class MigrationSqlScripts
{
    /// <summary>A line of its own before each statement of a script file.</summary>
    internal const string StatementMarker = "-- statement";

    /// <summary>The version of the rollup triggers the newest migration creates; <c>MigrationSqlTests</c> holds it to <see cref="Rollups.RollupTriggers"/>.</summary>
    internal const string LatestRollupTriggers = "rollup-triggers-v3";

    /// <summary>Creates the rollup triggers counting underpayment cases out (ADR 0100) and rebuilds every rollup (ADR 0052).</summary>
    public static IReadOnlyList<string> CreateRollupTriggersV2(DatabaseProvider provider) => Read(provider, "rollup-triggers-v2.create");

    /// <summary>Drops the rollup triggers (of any version: the names never changed).</summary>
    public static IReadOnlyList<string> DropRollupTriggersV2(DatabaseProvider provider) => Read(provider, "rollup-triggers-v2.drop");

    /// <summary>Replaces the triggers of an existing database with version 2's and rebuilds the rollups.</summary>
    public static IReadOnlyList<string> RecreateRollupTriggersV2(DatabaseProvider provider) =>
        [.. DropRollupTriggersV2(provider), .. CreateRollupTriggersV2(provider)];

    /// <summary>
    /// PostgreSQL only (ADR 0112): replaces the six row-level foreign keys from claims, service lines, adjustments and remark
    /// codes to their parents by statement-level triggers that check (and lock) the parents once per statement, cascade or
    /// refuse a parent's deletion as the keys did, and refuse a change of a parent's key. A binary COPY of 3,000 rows runs
    /// one check instead of 3,000.
    /// </summary>
    public static IReadOnlyList<string> CreateStatementForeignKeysV1() => Read(DatabaseProvider.PostgreSql, "statement-foreign-keys-v1.create");

    /// <summary>Drops the statement-level checks and puts the six row-level foreign keys back (as InitialCreate made them).</summary>
    public static IReadOnlyList<string> DropStatementForeignKeysV1() => Read(DatabaseProvider.PostgreSql, "statement-foreign-keys-v1.drop");

    /// <summary>
    /// PostgreSQL only (ADR 0149): version 2 of the four insert/update checks of <see cref="CreateStatementForeignKeysV1"/>. When the
    /// keys a statement wrote lie in a short span of ids that are all parents this transaction wrote (the import's children
    /// right after their claims and lines), one range scan of the parent's primary key finds them all; anything else runs
    /// version 1's check (one probe per distinct key, locks, refusals) unchanged. Replaces the functions only: the triggers,
    /// delete checks and key-change guards stay version 1's.
    /// </summary>
    public static IReadOnlyList<string> CreateStatementForeignKeysV2() => Read(DatabaseProvider.PostgreSql, "statement-foreign-keys-v2.create");

    /// <summary>Puts version 1's four insert/update checks back (what <see cref="CreateStatementForeignKeysV1"/> made).</summary>
    public static IReadOnlyList<string> DropStatementForeignKeysV2() => Read(DatabaseProvider.PostgreSql, "statement-foreign-keys-v2.drop");

    /// <summary>
    /// Creates version 3 of the rollup triggers (issue 16's payer scorecard: appeals decided and overturned per level, paid
    /// claims' service days per remittance, and the underpayment rollup) and rebuilds every rollup.
    /// </summary>
    public static IReadOnlyList<string> CreateRollupTriggersV3(DatabaseProvider provider) => Read(provider, "rollup-triggers-v3.create");

    /// <summary>Drops version 3's triggers (the same names as version 2's).</summary>
    public static IReadOnlyList<string> DropRollupTriggersV3(DatabaseProvider provider) => Read(provider, "rollup-triggers-v3.drop");

    /// <summary>Replaces the triggers of an existing database with version 3's and rebuilds the rollups (PayerScorecardRollups).</summary>
    public static IReadOnlyList<string> RecreateRollupTriggersV3(DatabaseProvider provider) =>
        [.. DropRollupTriggersV3(provider), .. CreateRollupTriggersV3(provider)];

    /// <summary>The statements of <c>{provider}.{script}.sql</c>, each as it was written (without the line end before the next marker).</summary>
    internal static IReadOnlyList<string> Read(DatabaseProvider provider, string script)
    {
        var name = ResourceName(provider, script);
        using var stream = typeof(MigrationSqlScripts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"No embedded migration script {name}.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().ReplaceLineEndings("\n");
        var parts = text.Split($"\n{StatementMarker}\n");
        // The part before the first marker is the file's header comment.
        return [.. parts.Skip(1).Select(p => p.EndsWith('\n') ? p[..^1] : p)];
    }

    /// <summary>Writes <paramref name="statements"/> in the format <see cref="Read"/> reads (for freezing a new version).</summary>
    internal static string Format(string header, IEnumerable<string> statements) =>
        string.Concat(statements.Select(s => $"\n{StatementMarker}\n{s}\n")).Insert(0, header.TrimEnd('\n'));

    internal static string FileName(DatabaseProvider provider, string script) => $"{provider.ToString().ToLowerInvariant()}.{script}.sql";

    private static string ResourceName(DatabaseProvider provider, string script) => $"Appeals.Core.MigrationSql.{FileName(provider, script)}";
}
