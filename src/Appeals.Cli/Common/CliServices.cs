using Appeals.Analytics;
using Appeals.Core.Persistence;
using Appeals.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Appeals.Cli.Common;

/// <summary>
/// The CLI's composition root (ADR 0120): the services the web app registers (Core, analytics, workflows, letters,
/// audit, scoring, the clock) minus MVC, Identity and Hangfire, from one configuration, plus the command's console.
/// A command reads its services from here and never builds one by hand, so the CLI behaves as the web app and the jobs do.
/// </summary>
public static class CliServices
{
    public static IServiceCollection AddAppealsCli(this IServiceCollection services, IConfiguration configuration, IAnsiConsole console)
    {
        services.AddSingleton(configuration);
        services.AddSingleton(console);
        services.AddAppealsCore(configuration);
        services.AddAppealsAnalytics();
        services.AddAppealsWorkflows(configuration);
        return services;
    }
}

/// <summary>One command's services: the composition root built for the command's configuration, and the scope it works in.</summary>
public sealed class CliServiceScope : IAsyncDisposable, IDisposable
{
    private readonly ServiceProvider _root;
    private readonly AsyncServiceScope _scope;

    /// <summary>Builds the services; nothing here opens or creates the database (a dry run stops here, ADR 0074).</summary>
    public CliServiceScope(IConfiguration configuration, IAnsiConsole console)
    {
        _root = new ServiceCollection().AddAppealsCli(configuration, console).BuildServiceProvider();
        _scope = _root.CreateAsyncScope();
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>Brings the database schema up to date (created on first use); nothing when it is current (ADR 0074).</summary>
    public Task MigrateAsync(CancellationToken ct) => AppealsDatabase.MigrateAsync(Get<AppealsDbContext>(), ct);

    /// <summary>For the commands that run synchronously (they read files, never the database).</summary>
    public void Dispose()
    {
        _scope.Dispose();
        _root.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _root.DisposeAsync();
    }
}
