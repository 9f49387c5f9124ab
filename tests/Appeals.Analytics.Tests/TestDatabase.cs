using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Appeals.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Analytics.Tests;

/// <summary>
/// A real database, migrated (the dashboard rollups' triggers come with the migrations): a SQLite file in a temp
/// folder, or for a test class marked <see cref="IRunsOnPostgreSql"/> a PostgreSQL database of its own.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("appeals-analytics-").FullName;

    public TestDatabase()
    {
        Provider = IRunsOnPostgreSql.Current;
        if (Provider == DatabaseProvider.PostgreSql)
        {
            ConnectionString = PostgreSqlTestServer.CreateCoreDatabaseAsync(Phi, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
            return;
        }
        ConnectionString = $"Data Source={Path.Combine(_folder, "appeals.db")};Pooling=False";
        using var db = Open();
        AppealsDatabase.MigrateAsync(db).GetAwaiter().GetResult();
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>One key for the whole test run: every context of a test reads what another wrote.</summary>
    public static PhiProtector Phi { get; } = PhiKeyRing.Ephemeral();

    public AppealsDbContext Open() =>
        AppealsDatabase.CreateContext(Provider, ConnectionString, Phi);

    public void Dispose()
    {
        if (Provider == DatabaseProvider.PostgreSql) PostgreSqlTestServer.DropDatabaseAsync(ConnectionString).GetAwaiter().GetResult();
        else SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The dashboard's clock, fixed so that aging buckets are hand-computable.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
