using Microsoft.Data.Sqlite;

namespace Appeals.Cli.Tests.Common;

/// <summary>A temp folder with a SQLite database file in it; deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "appeals-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string DatabaseFile => System.IO.Path.Combine(Path, "appeals.db");

    /// <summary>The --db value for this folder's database.</summary>
    public string ConnectionString => $"Data Source={DatabaseFile}";

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a file still held open: the OS temp cleanup gets it */ }
    }
}
