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
    /// <summary>The same configuration the database settings read (<see cref="CliConfiguration"/>).</summary>
    public static IConfiguration Configuration { get; } = CliConfiguration.Build();

    /// <summary><c>Models:Path</c> (default <c>models/</c>, relative to the current directory) and <c>Models:MinimumOutcomes</c>.</summary>
    public static ModelStore Models => new(
        Configuration["Models:Path"] ?? ModelStore.DefaultDirectory,
        int.TryParse(Configuration["Models:MinimumOutcomes"], out var minimum) ? minimum : ModelStore.DefaultMinimumOutcomes);

    /// <summary>The outcome lag for training: the command line's, else <c>Models:OutcomeLagDays</c>, else 0 (ADR 0045).</summary>
    public static int OutcomeLagDays(int? commandLine) =>
        commandLine ?? (int.TryParse(Configuration["Models:OutcomeLagDays"], out var days) ? days : 0);

    /// <summary>Opens the database the other commands use (command line, else configuration, else the shared
    /// SQLite file) with its provider's migrations applied.</summary>
    public static async Task<AppealsDbContext> OpenDatabaseAsync(DatabaseSettings settings, CancellationToken ct)
    {
        var configuration = settings.BuildConfiguration();
        var databaseProvider = AppealsDatabase.ParseProvider(configuration["Database:Provider"]);
        var db = AppealsDatabase.CreateContext(databaseProvider,
            AppealsDatabase.ResolveConnectionString(databaseProvider, configuration.GetConnectionString("Appeals")),
            PhiKeyRing.Open(configuration));
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
