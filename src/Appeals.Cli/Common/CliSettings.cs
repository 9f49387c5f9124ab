using System.ComponentModel;
using Appeals.Core.Clock;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Common;

/// <summary>
/// What every command's settings share: the configuration (<see cref="CliConfiguration"/> with the command line's values
/// on top) and the services built from it (<see cref="CliServices"/>).
/// </summary>
public class CliSettings : CommandSettings
{
    [CommandOption("--as-of <DATETIME>")]
    [Description("Act as on this day: deadlines, aging and scores as of a date or date-time (e.g. 2026-03-01); default Clock:AsOf, else now")]
    public string? AsOf { get; init; }

    public override ValidationResult Validate() =>
        AsOf is null || AsOfClock.TryParse(AsOf, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error("--as-of must be a date or date-time such as 2026-03-01 or 2026-03-01T09:00:00Z");

    /// <summary>The command line's values that override configuration, as configuration keys.</summary>
    protected virtual void AddOverrides(IDictionary<string, string?> overrides)
    {
        if (AsOf is not null) overrides[AsOfClock.ConfigurationKey] = AsOf;
    }

    /// <summary>The configuration the services are built from, with the command line winning over files and environment.</summary>
    public IConfiguration BuildConfiguration()
    {
        var overrides = new Dictionary<string, string?>();
        AddOverrides(overrides);
        return CliConfiguration.Build(overrides);
    }

    /// <summary>The command's services; dispose when done. Neither opens nor creates the database.</summary>
    public CliServiceScope OpenServices(IAnsiConsole console) => new(BuildConfiguration(), console);
}
