using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Appeals.Bench;

/// <summary>A benchmark's kept SQLite file, opened the way the app opens its database.</summary>
internal static class BenchDatabase
{
    /// <summary>
    /// Through <see cref="AppealsDatabase.UseAppealsDatabase"/>, so the bench measures the app's connection
    /// settings and PHI protector; the key ring lives beside the kept file, so a rerun reads it.
    /// <c>--log-sql</c> prints each command with its elapsed time: how the indexes were chosen.
    /// </summary>
    public static DbContextOptions Options(string path, string[] args)
    {
        var builder = new DbContextOptionsBuilder()
            .UseAppealsDatabase(DatabaseProvider.Sqlite, $"Data Source={path}", PhiKeyRing.Open(path + ".keys"));
        if (args.Contains("--log-sql"))
            builder.LogTo(Console.WriteLine, [RelationalEventId.CommandExecuted], LogLevel.Information);
        return builder.Options;
    }
}
