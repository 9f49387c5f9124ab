using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Analytics.Tests;

/// <summary>A real SQLite file in a temp folder, schema from the model (EnsureCreated until migrations land).</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("appeals-analytics-").FullName;

    public TestDatabase()
    {
        using var db = Open();
        db.Database.EnsureCreated();
    }

    public string ConnectionString => $"Data Source={Path.Combine(_folder, "appeals.db")};Pooling=False";

    /// <summary>One key for the whole test run: every context of a test reads what another wrote.</summary>
    public static PhiProtector Phi { get; } = PhiKeyRing.Ephemeral();

    public AppealsDbContext Open() =>
        new(new DbContextOptionsBuilder<AppealsDbContext>().UseSqlite(ConnectionString).UsePhiProtector(Phi).Options);

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
