using Appeals.Core.Persistence;
using Appeals.Core.Rollups;
using Appeals.Core.Tests.Builders;
using Appeals.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Tests.PostgreSql;

/// <summary>The PostgreSQL migrations follow the model and, applied to a real server, leave the rollup triggers in place.</summary>
public sealed class PostgreSqlMigrationTests : IRunsOnPostgreSql
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The database's own triggers but the statement-level foreign keys (ADR 0112, StatementForeignKeysOnPostgreSqlTests).</summary>
    private const string RollupTriggerNames = "SELECT tgname AS \"Value\" FROM pg_trigger WHERE NOT tgisinternal AND tgname NOT LIKE '%\\_Keys\\_%'";

    [Fact]
    public void Model_HasNoChangeSinceThePostgreSqlMigration()
    {
        // No server needed: the model is compared with the migrations' snapshot.
        using var db = AppealsDatabase.CreateContext(DatabaseProvider.PostgreSql, "Host=unused", Appeals.Core.Privacy.PhiKeyRing.Ephemeral());

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed since the PostgreSQL migration: run scripts/regenerate-postgres-migrations.sh (ADR 0110).");
    }

    [Fact]
    public async Task Migrations_OnAFreshDatabase_LeaveNothingPendingAndEveryRollupTrigger()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        var triggers = await db.Database.SqlQueryRaw<string>(RollupTriggerNames).ToListAsync(Ct);
        Assert.Equal(RollupTriggers.PostgreSqlTriggerNames.Order(), triggers.Order());
        Assert.Equal(DatabaseProvider.PostgreSql, database.Provider);
    }

    [Fact]
    public async Task RollupTriggers_DroppedAndCreatedAgain_AreTheSame()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();

        foreach (var statement in RollupTriggers.Drop(DatabaseProvider.PostgreSql)) await db.Database.ExecuteSqlRawAsync(statement, Ct);
        Assert.Empty(await db.Database.SqlQueryRaw<string>(RollupTriggerNames).ToListAsync(Ct));
        foreach (var statement in RollupTriggers.Create(DatabaseProvider.PostgreSql)) await db.Database.ExecuteSqlRawAsync(statement, Ct);

        Assert.Equal(RollupTriggers.PostgreSqlTriggerNames.Count, await db.Database.SqlQueryRaw<string>(RollupTriggerNames).CountAsync(Ct));
        Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
    }
}
