using System.Data.Common;
using Appeals.Core.Persistence;
using Appeals.Core.Tests.Builders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Appeals.Core.Tests.Persistence;

public class MigrationTests
{
    [Fact]
    public async Task Migrations_ApplyToAFreshSqliteFile_AndLeaveNothingPending()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();

        var pending = await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken);
        var applied = await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken);

        Assert.Empty(pending);
        Assert.NotEmpty(applied);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed since the last SQLite migration: add one.");
        Assert.Equal(0, await db.DenialCases.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SqliteMigrationHistory_IsWhatEfCoreReads_AndEmptyForADatabaseNeverMigrated()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var blank = new SqliteConnection("Data Source=:memory:");
        await blank.OpenAsync(ct);

        // MigrateAsync decides what is pending from this plain read on SQLite (ADR 0156): it must see the rows EF Core sees.
        var history = await AppealsDatabase.SqliteMigrationHistoryAsync(connection, ct);

        Assert.Equal((await db.Database.GetAppliedMigrationsAsync(ct)).Order(), history.Order());
        Assert.Equal(db.Database.GetMigrations().Order(), history.Order());
        Assert.Empty(await AppealsDatabase.SqliteMigrationHistoryAsync(blank, ct));
    }

    [Fact]
    public async Task MigrateAsync_OnSqlite_TurnsOnWal()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        var mode = (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);

        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task MigrateAsync_OnACurrentDatabase_LeavesMigrationsAloneButKeepsWal()
    {
        // EF's own MigrateAsync takes the migration lock and diffs the model even when nothing is pending: every
        // CLI command paid for that at start (ADR 0074). WAL is still asked for, so a file set back to DELETE recovers.
        await using var database = await TestDatabase.CreateAsync();
        var commands = new CommandTexts();
        var options = new DbContextOptionsBuilder()
            .UseAppealsDatabase(DatabaseProvider.Sqlite, database.ConnectionString, TestDatabase.Phi)
            .AddInterceptors(commands).Options;
        await using var db = new SqliteAppealsDbContext(options);

        await AppealsDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(commands.Texts, c => c.Contains("__EFMigrationsLock", StringComparison.Ordinal));
        Assert.Contains(commands.Texts, c => c.Contains("journal_mode=WAL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MigrateAsync_OnADatabaseBehindThisBuild_AppliesWhatIsMissing()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(Path.GetTempPath(), "appeals-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "behind.db"), Pooling = false }.ToString();
            await using var db = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, connectionString, TestDatabase.Phi);
            var known = db.Database.GetMigrations().ToList();
            // One migration short of this build, or none applied at all while there is only one.
            await db.GetService<IMigrator>().MigrateAsync(known.Count > 1 ? known[^2] : Migration.InitialDatabase, ct);
            Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync(ct));

            await AppealsDatabase.MigrateAsync(db, ct);

            Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* a file still open on a slow machine: the temp folder is cleaned later */ }
        }
    }

    [Fact]
    public async Task MigrateAsync_OnSqlite_CreatesTheDashboardRollupTriggers()
    {
        // A migration regenerated from the model alone would lose them (ADR 0052) and the dashboard would go stale.
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();

        var triggers = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'trigger'")
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Appeals.Core.Rollups.RollupTriggers.SqliteTriggerNames.Order(), triggers.Order());
    }

    [Fact]
    public void SqlServerIdempotentScript_Parses()
    {
        using var db = AppealsDatabase.CreateContext(DatabaseProvider.SqlServer, "Server=unused;Database=Appeals;TrustServerCertificate=True", Appeals.Core.Privacy.PhiKeyRing.Ephemeral());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed since the last SQL Server migration: add one.");
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        parser.Parse(new StringReader(script), out var errors);

        Assert.Contains("CREATE TABLE [DenialCases]", script);
        Assert.Contains("CREATE OR ALTER TRIGGER [DenialCases_Rollups]", script);
        Assert.Contains("CREATE OR ALTER TRIGGER [ClaimPayments_Rollups]", script);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
    }

    [Fact]
    public void SqlServerRollupTriggers_Parse()
    {
        // The script hides the triggers inside EXEC strings, so each one is unwrapped and parsed on its own.
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        foreach (var wrapped in Appeals.Core.Rollups.RollupTriggers.Create(DatabaseProvider.SqlServer))
        {
            var statement = wrapped.StartsWith("EXEC(N'", StringComparison.Ordinal) ? wrapped[7..^3].Replace("''", "'") : wrapped;
            parser.Parse(new StringReader(statement), out var errors);
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")) + Environment.NewLine + statement);
        }
    }

    private sealed class CommandTexts : DbCommandInterceptor
    {
        public List<string> Texts { get; } = [];

        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            Texts.Add(result.CommandText);
            return result;
        }
    }
}
