using Appeals.Core.Persistence;
using Appeals.ML.Scoring;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Appeals.Cli.Ml;

/// <summary>Configuration, database and output shared by the ML commands.</summary>
internal static class MlEnvironment
{
    public static IConfiguration Configuration { get; } = new ConfigurationBuilder()
        .SetBasePath(Directory.GetCurrentDirectory())
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    /// <summary><c>Models:Path</c> (default <c>models/</c>) and <c>Models:MinimumOutcomes</c>.</summary>
    public static ModelStore Models => new(
        Configuration["Models:Path"] ?? ModelStore.DefaultDirectory,
        int.TryParse(Configuration["Models:MinimumOutcomes"], out var minimum) ? minimum : ModelStore.DefaultMinimumOutcomes);

    /// <summary>The default SQLite file shared by the CLI and the web app.</summary>
    public static string DefaultConnectionString =>
        Configuration.GetConnectionString("Appeals") ?? new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Appeals", "appeals.db"),
        }.ToString();

    /// <summary>Opens the database and brings its schema up to date (migrations when the build has them).</summary>
    public static async Task<AppealsDbContext> OpenDatabaseAsync(string? connectionString, string? provider, CancellationToken ct)
    {
        var connection = connectionString ?? DefaultConnectionString;
        var options = new DbContextOptionsBuilder<AppealsDbContext>();
        if (string.Equals(provider ?? Configuration["Database:Provider"], "sqlserver", StringComparison.OrdinalIgnoreCase))
            options.UseSqlServer(connection);
        else
        {
            var file = new SqliteConnectionStringBuilder(connection).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder) Directory.CreateDirectory(folder);
            options.UseSqlite(connection);
        }
        var db = new AppealsDbContext(options.Options);
        if (db.Database.GetMigrations().Any()) await db.Database.MigrateAsync(ct);
        else await db.Database.EnsureCreatedAsync(ct); // before the first migration exists (development builds)
        return db;
    }

    /// <summary>Writes text as is (no markup, no wrapping): JSON and CSV-like output must stay parseable.</summary>
    public static void Raw(string text) => AnsiConsole.Console.Profile.Out.Writer.WriteLine(text);

    public static int Fail(string message)
    {
        AnsiConsole.Console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return 2;
    }
}
