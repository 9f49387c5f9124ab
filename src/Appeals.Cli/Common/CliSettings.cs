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
    /// <summary>The command line's values that override configuration, as configuration keys.</summary>
    protected virtual void AddOverrides(IDictionary<string, string?> overrides)
    {
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
