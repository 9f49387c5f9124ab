using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Common;

/// <summary>
/// Settings every database command shares: where the database is and whether to answer in JSON.
/// The database comes from --db/--provider, else configuration (appsettings.json beside the tool,
/// environment variables ConnectionStrings__Appeals and Database__Provider), else the default SQLite
/// file that the web app uses too.
/// </summary>
public class DatabaseSettings : CliSettings
{
    [CommandOption("--db <CONNECTION>")]
    [Description("Connection string of the database (default: the shared SQLite file, see README)")]
    public string? ConnectionString { get; init; }

    [CommandOption("--provider <PROVIDER>")]
    [Description("Database provider: sqlite (default), sqlserver or postgres")]
    public string? Provider { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object instead of a readable summary")]
    public bool Json { get; init; }

    /// <summary>
    /// Who a command acts as: the operating-system user running it, as <c>cli:NAME</c>. There is no option to name someone else
    /// (issue 14 item 5): a letter signed or a case moved from the CLI is the shell user's, and a move that needs a manager
    /// (approving a write-off) needs a manager's sign-in on the web.
    /// </summary>
    public static string Actor => "cli:" + Environment.UserName;

    public override ValidationResult Validate() =>
        Provider is null or "sqlite" or "sqlserver" or "postgres"
            ? base.Validate()
            : ValidationResult.Error("--provider must be sqlite, sqlserver or postgres");

    protected override void AddOverrides(IDictionary<string, string?> overrides)
    {
        base.AddOverrides(overrides);
        if (ConnectionString is not null) overrides["ConnectionStrings:Appeals"] = ConnectionString;
        if (Provider is not null) overrides["Database:Provider"] = Provider;
        // No connection string anywhere: AddAppealsCore falls back to AppealsDatabase.DefaultSqlitePath.
    }

    /// <summary>The command's services with the database schema brought up to date (created on first use).</summary>
    public async Task<CliServiceScope> OpenDatabaseAsync(IAnsiConsole console, CancellationToken ct)
    {
        var services = OpenServices(console);
        try
        {
            await services.MigrateAsync(ct);
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }
}
