using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Appeals.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace Appeals.Core.Tests.Builders;

/// <summary>
/// A real, migrated database deleted on dispose: a SQLite file in its own temp folder, or, for a test class marked
/// <see cref="IRunsOnPostgreSql"/>, a database of its own on the test PostgreSQL server (with the same temp folder for files).
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string folder, DatabaseProvider provider, string connectionString)
    {
        Folder = folder;
        Provider = provider;
        ConnectionString = connectionString;
    }

    public string Folder { get; }
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync() => await CreateAsync(IRunsOnPostgreSql.Current);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "appeals-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (provider == DatabaseProvider.PostgreSql)
        {
            var connectionString = await PostgreSqlTestServer.CreateCoreDatabaseAsync(Phi, TestContext.Current.CancellationToken);
            return new TestDatabase(folder, provider, connectionString);
        }
        var database = new TestDatabase(folder, provider,
            new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "appeals.db"), Pooling = false }.ToString());
        await using var db = database.Open();
        await AppealsDatabase.MigrateAsync(db);
        return database;
    }

    /// <summary>One key for the whole test run, so that every context reads what another wrote; tests of the key ring make their own.</summary>
    public static PhiProtector Phi { get; } = PhiKeyRing.Ephemeral();

    public AppealsDbContext Open() => AppealsDatabase.CreateContext(Provider, ConnectionString, Phi);

    /// <summary>A context on this database with another key ring.</summary>
    public AppealsDbContext Open(PhiProtector keyRing) => AppealsDatabase.CreateContext(Provider, ConnectionString, keyRing);

    /// <summary>A file path inside this database's temp folder.</summary>
    public string PathFor(string fileName) => Path.Combine(Folder, fileName);

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.PostgreSql) await PostgreSqlTestServer.DropDatabaseAsync(ConnectionString);
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a file still open on a slow machine: the temp folder is cleaned later */ }
    }
}
