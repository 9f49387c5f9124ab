using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Analytics.Tests;

/// <summary>A real SQLite file in a temp folder, migrated: the dashboard rollups' triggers come with the migrations.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("appeals-analytics-").FullName;

    public TestDatabase()
    {
        using var db = Open();
        AppealsDatabase.MigrateAsync(db).GetAwaiter().GetResult();
    }

    public string ConnectionString => $"Data Source={Path.Combine(_folder, "appeals.db")};Pooling=False";

    /// <summary>One key for the whole test run: every context of a test reads what another wrote.</summary>
    public static PhiProtector Phi { get; } = PhiKeyRing.Ephemeral();

    public AppealsDbContext Open() =>
        AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, ConnectionString, Phi);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The dashboard's clock, fixed so that aging buckets are hand-computable.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
