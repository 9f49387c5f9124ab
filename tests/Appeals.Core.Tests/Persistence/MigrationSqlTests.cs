using Appeals.Core.Persistence;
using Appeals.Core.Persistence.MigrationSql;
using Appeals.Core.Rollups;

namespace Appeals.Core.Tests.Persistence;

/// <summary>
/// The migrations run frozen SQL (ADR 0123); the newest frozen rollup triggers must be what the rollup code writes today,
/// so a change to what a rollup counts cannot ship without a new frozen version and a migration that runs it.
/// </summary>
public sealed class MigrationSqlTests
{
    public static TheoryData<DatabaseProvider> Providers => new(Enum.GetValues<DatabaseProvider>());

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheNewestFrozenRollupTriggers_AreWhatTheRollupCodeWritesToday(DatabaseProvider provider)
    {
        Same(provider, "create", RollupTriggers.Create(provider), () => MigrationSqlScripts.CreateRollupTriggersV3(provider));
        Same(provider, "drop", RollupTriggers.Drop(provider), () => MigrationSqlScripts.DropRollupTriggersV3(provider));
        Assert.Equal([.. RollupTriggers.Drop(provider), .. RollupTriggers.Create(provider)], MigrationSqlScripts.RecreateRollupTriggersV3(provider));
    }

    [Fact]
    public void StatementForeignKeysV2Drop_PutsBackExactlyVersionOnesFourChecks()
    {
        // Version 2 (ADR 0149) replaces only the insert/update check functions; going down must restore them as version 1 made them.
        var versionOne = MigrationSqlScripts.CreateStatementForeignKeysV1().Where(s => s.StartsWith("CREATE FUNCTION", StringComparison.Ordinal) && s.Contains("_Keys_check\"()", StringComparison.Ordinal));
        var restored = MigrationSqlScripts.DropStatementForeignKeysV2();

        Assert.Equal(versionOne.Select(s => "CREATE OR REPLACE FUNCTION" + s["CREATE FUNCTION".Length..]), restored);
        Assert.Equal(4, restored.Count);
        Assert.All(MigrationSqlScripts.CreateStatementForeignKeysV2(), s => Assert.Contains("BETWEEN lo AND hi", s, StringComparison.Ordinal));
    }

    private static IReadOnlyList<string>? Frozen(Func<IReadOnlyList<string>> read)
    {
        try { return read(); }
        catch (InvalidOperationException) { return null; } // not frozen yet
    }

    /// <summary>On a difference, writes today's statements where the message says, ready to be frozen as the next version.</summary>
    private static void Same(DatabaseProvider provider, string kind, IReadOnlyList<string> today, Func<IReadOnlyList<string>> frozen)
    {
        if (Frozen(frozen) is { } statements && today.SequenceEqual(statements)) return;
        var folder = Path.Combine(Path.GetTempPath(), "appeals-migration-sql");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, MigrationSqlScripts.FileName(provider, $"{MigrationSqlScripts.LatestRollupTriggers}.{kind}"));
        var header = $"-- Rollup triggers ({kind}) for {provider}, frozen from RollupTriggers.{(kind == "create" ? "Create" : "Drop")} (ADR 0052, 0123).\n"
            + "-- Generated: do not edit. A change to the rollups ships as a new version with a migration that runs it.\n";
        File.WriteAllText(file, MigrationSqlScripts.Format(header, today));
        Assert.Fail($"RollupTriggers.{(kind == "create" ? "Create" : "Drop")} ({provider}) no longer writes the frozen {MigrationSqlScripts.LatestRollupTriggers}: the rollup SQL changed. "
            + $"Today's statements are in {file}: add them to src/Appeals.Core/Persistence/MigrationSql as the next version, point "
            + "LatestRollupTriggers at it, and add a migration per provider that runs its Recreate (ADR 0123).");
    }
}
