using Appeals.Cli.Common;
using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Appeals.ML.Scoring;
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

    /// <summary>Opens the database the other commands use (command line, else configuration, else the shared
    /// SQLite file) with its provider's migrations applied.</summary>
    public static async Task<AppealsDbContext> OpenDatabaseAsync(DatabaseSettings settings, CancellationToken ct)
    {
        var configuration = settings.BuildConfiguration();
        var databaseProvider = AppealsDatabase.ParseProvider(configuration["Database:Provider"]);
        var db = AppealsDatabase.CreateContext(databaseProvider,
            AppealsDatabase.ResolveConnectionString(databaseProvider, configuration.GetConnectionString("Appeals")),
            PhiKeyRing.Open(PhiKeyRing.KeysPath(configuration)));
        await AppealsDatabase.MigrateAsync(db, ct);
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
