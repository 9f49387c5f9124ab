extern alias cli;

using cli::Appeals.Cli.Common;
using Appeals.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Appeals.Web.Tests.Hosting;

/// <summary>The CLI and the web app are two composition roots over the same registrations (ADR 0120).</summary>
public sealed class SharedServicesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "appeals-shared-services", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* the OS temp cleanup gets it */ }
    }

    [Fact]
    public async Task EveryServiceTheCliRegisters_TheWebResolvesToTheSameImplementation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Appeals"] = $"Data Source={Path.Combine(_folder, "appeals.db")}",
            ["DataProtection:KeysPath"] = Path.Combine(_folder, "keys"),
            ["Hangfire:SqlitePath"] = Path.Combine(_folder, "hangfire.db"),
            ["Storage:Path"] = Path.Combine(_folder, "files"),
        }).Build();
        var cliServices = new ServiceCollection().AddAppealsCli(configuration, AnsiConsole.Create(new AnsiConsoleSettings()));
        var webServices = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAppealsWeb(configuration);
        // The CLI's own: the console it writes to and the configuration object (the web host registers its own); hosted
        // services run only in a host (the web's list also has Hangfire's server and the upload runner).
        var hostOnly = new HashSet<Type> { typeof(IAnsiConsole), typeof(IConfigurationRoot), typeof(IConfiguration), typeof(Microsoft.Extensions.Hosting.IHostedService) };
        var shared = cliServices.Select(d => d.ServiceType).Where(t => !t.IsGenericTypeDefinition && !hostOnly.Contains(t)).Distinct().ToList();
        await using var cli = cliServices.BuildServiceProvider();
        await using var web = webServices.BuildServiceProvider();
        await using var cliScope = cli.CreateAsyncScope();
        await using var webScope = web.CreateAsyncScope();

        var missing = shared.Where(t => webServices.All(d => d.ServiceType != t)).Select(t => t.FullName).ToList();
        var different = shared.Except(shared.Where(t => webServices.All(d => d.ServiceType != t)))
            .Select(t => (Type: t, Cli: Implementations(cliScope.ServiceProvider, t), Web: Implementations(webScope.ServiceProvider, t)))
            .Where(x => !x.Cli.SequenceEqual(x.Web))
            .Select(x => $"{x.Type.Name}: CLI {string.Join("+", x.Cli.Select(i => i.Name))}, web {string.Join("+", x.Web.Select(i => i.Name))}")
            .ToList();

        Assert.Empty(missing);
        Assert.Empty(different);
        Assert.Contains(typeof(Appeals.Workflows.Routing.CaseWorkflow), shared);
        Assert.Contains(typeof(Appeals.Workflows.Letters.CaseLetters), shared);
        Assert.Contains(typeof(Appeals.Core.Audit.AuditLog), shared);
        Assert.Contains(typeof(Appeals.Workflows.Deadlines.CaseDeadlinePlanner), shared);
        Assert.Contains(typeof(Appeals.Workflows.Jobs.MlCaseRescoring), shared);
        Assert.Contains(typeof(TimeProvider), shared);
    }

    /// <summary>The types every registration of <paramref name="service"/> resolves to, in order.</summary>
    private static List<Type> Implementations(IServiceProvider provider, Type service) =>
        provider.GetServices(service).Select(s => s!.GetType()).ToList();
}
