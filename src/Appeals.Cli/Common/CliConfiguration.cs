using Microsoft.Extensions.Configuration;

namespace Appeals.Cli.Common;

/// <summary>
/// The one place the CLI reads configuration from: <c>appsettings.json</c> beside the tool (not the current
/// directory, so the same command behaves the same wherever it is run), then environment variables, then the
/// command line's overrides. Database and model settings both come from here.
/// </summary>
internal static class CliConfiguration
{
    public static IConfiguration Build(IReadOnlyDictionary<string, string?>? overrides = null) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
}
