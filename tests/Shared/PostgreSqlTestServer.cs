using Appeals.Core.Persistence;
using Npgsql;

namespace Appeals.Tests.Shared;

/// <summary>
/// The PostgreSQL server the tests run on: the one whose connection string is in <c>APPEALS_TEST_POSTGRES</c>
/// (<c>scripts/postgres-dev.sh start</c> prints one; <c>.ci/run</c> starts it and exports it). Without it a test is
/// skipped with the reason, except under <c>CI=true</c>, where it fails: CI must have tested the server provider.
/// Each test gets a database of its own, copied from a migrated template (CREATE DATABASE ... TEMPLATE), and dropped after.
/// </summary>
public static class PostgreSqlTestServer
{
    public const string Variable = "APPEALS_TEST_POSTGRES";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly Dictionary<string, string> Templates = [];

    /// <summary>The server's connection string (its own database), or a skip (a failure under CI) when none is configured.</summary>
    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrWhiteSpace(value)) return value;
            const string why = Variable + " is not set: start a server with scripts/postgres-dev.sh start and export its connection string";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException("CI must run the PostgreSQL tests, but " + why + " (.ci/run does).");
            Assert.Skip(why + ".");
            return ""; // not reached
        }
    }

    /// <summary>
    /// A new, empty database migrated by <paramref name="migrate"/>, copied from a template made once per
    /// <paramref name="templateKey"/> (name it after the last migration, so that a new migration makes a new template).
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string templateKey, Func<string, Task> migrate, CancellationToken ct)
    {
        var server = ConnectionString;
        var template = await TemplateAsync(server, templateKey, migrate, ct);
        var name = "appeals_t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", ct);
        return For(server, name);
    }

    /// <summary>A new database with nothing in it (the app under test migrates it as on a first start).</summary>
    public static async Task<string> CreateEmptyDatabaseAsync(CancellationToken ct)
    {
        var server = ConnectionString;
        var name = "appeals_t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"", ct);
        return For(server, name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/> (its pooled connections closed first).</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        // FORCE cannot end a backend of another role (an autovacuum worker that just started on the database): that is
        // a moment, not a fault of the test, so the drop is tried again; the throwaway server is deleted whole anyway.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(ConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                await Task.Delay(200);
            }
        }
    }

    private static string For(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 10 }.ToString();

    private static async Task<string> TemplateAsync(string server, string key, Func<string, Task> migrate, CancellationToken ct)
    {
        await TemplateLock.WaitAsync(ct);
        try
        {
            if (Templates.TryGetValue(key, out var known)) return known;
            var name = ("appeals_tpl_" + key.ToLowerInvariant()).Replace('-', '_');
            if (name.Length > 63) name = name[..63];
            // Test projects run as separate processes on the same server: an advisory lock makes one of them build it.
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ToString());
            await connection.OpenAsync(ct);
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(15015)", connection)) await lockCommand.ExecuteNonQueryAsync(ct);
            try
            {
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
                exists.Parameters.AddWithValue("name", name);
                if (await exists.ExecuteScalarAsync(ct) is null)
                {
                    var building = name + "_building";
                    await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)", ct);
                    await ExecuteAsync(connection, $"CREATE DATABASE \"{building}\"", ct);
                    // No pooled connection may stay open on a template: CREATE DATABASE ... TEMPLATE refuses one in use.
                    await migrate(new NpgsqlConnectionStringBuilder(For(server, building)) { Pooling = false }.ToString());
                    await ExecuteAsync(connection, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"", ct);
                }
            }
            finally
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(15015)", connection);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
            Templates[key] = name;
            return name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, sql, ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A new database with Core's migrations applied (copied from a template migrated once per migration set).</summary>
    public static Task<string> CreateCoreDatabaseAsync(Appeals.Core.Privacy.PhiProtector phi, CancellationToken ct) =>
        CreateDatabaseAsync(CoreMigrationsKey(), async cs =>
        {
            await using var template = AppealsDatabase.CreateContext(DatabaseProvider.PostgreSql, cs, phi);
            await AppealsDatabase.MigrateAsync(template, ct);
        }, ct);

    /// <summary>The template key of Core's migrations: the last PostgreSQL migration's id.</summary>
    public static string CoreMigrationsKey()
    {
        using var db = AppealsDatabase.CreateContext(DatabaseProvider.PostgreSql, "Host=unused", Appeals.Core.Privacy.PhiKeyRing.Ephemeral());
        return Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetMigrations(db.Database).Last();
    }
}

/// <summary>
/// Marks a test class whose tests run on PostgreSQL: a provider-neutral test class is run again on PostgreSQL by a
/// class that derives from it and carries this marker (its TestDatabase asks <see cref="Current"/>).
/// </summary>
public interface IRunsOnPostgreSql
{
    /// <summary>The provider the running test's class asks for: PostgreSQL for a marked class, else SQLite.</summary>
    /// Known from the test's class, so also in the class's constructor (before the instance exists).
    public static DatabaseProvider Current =>
        TestContext.Current.TestClass is Xunit.v3.IXunitTestClass test && typeof(IRunsOnPostgreSql).IsAssignableFrom(test.Class)
            ? DatabaseProvider.PostgreSql
            : DatabaseProvider.Sqlite;
}
