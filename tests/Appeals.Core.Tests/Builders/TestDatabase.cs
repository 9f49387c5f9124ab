using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Microsoft.Data.Sqlite;

namespace Appeals.Core.Tests.Builders;

/// <summary>A real SQLite file in its own temp folder, migrated, deleted on dispose.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string folder)
    {
        Folder = folder;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "appeals.db"), Pooling = false }.ToString();
    }

    public string Folder { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "appeals-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new TestDatabase(folder);
        await using var db = database.Open();
        await AppealsDatabase.MigrateAsync(db);
        return database;
    }

    /// <summary>One key for the whole test run, so that every context reads what another wrote; tests of the key ring make their own.</summary>
    public static PhiProtector Phi { get; } = PhiKeyRing.Ephemeral();

    public AppealsDbContext Open() => AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, ConnectionString, Phi);

    /// <summary>A file path inside this database's temp folder.</summary>
    public string PathFor(string fileName) => Path.Combine(Folder, fileName);

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a file still open on a slow machine: the temp folder is cleaned later */ }
        return ValueTask.CompletedTask;
    }
}
