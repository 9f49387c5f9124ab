using Appeals.Core.Clock;
using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Appeals.Core.Persistence;

/// <summary>Registers Core: the database, the CARC catalog, denial detection and the importer.</summary>
public static class AppealsCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AppealsDbContext"/> (scoped) from <c>ConnectionStrings:Appeals</c> and
    /// <c>Database:Provider</c> (sqlite default, sqlserver, postgres), <see cref="CarcCatalog"/>,
    /// <see cref="TimeProvider"/> (<c>Clock:AsOf</c>, see <see cref="AsOfClock"/>), <see cref="DenialDetector"/> and <see cref="RemittanceImporter"/>, and Data
    /// Protection on the key ring of <c>DataProtection:KeysPath</c> with the <see cref="PhiProtector"/> that
    /// encrypts patient data in the database (ADR 0071).
    /// </summary>
    public static IServiceCollection AddAppealsCore(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = AppealsDatabase.ParseProvider(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString("Appeals");
        // Resolved lazily so that a command that never touches the database never creates the default file.
        void Configure(IServiceProvider services, DbContextOptionsBuilder o) =>
            o.UseAppealsDatabase(provider, AppealsDatabase.ResolveConnectionString(provider, connectionString), services.GetRequiredService<PhiProtector>());
        services.AddAppealsDataProtection(configuration);
        // The options are built once (from singletons: the connection string and the PhiProtector), not once per scope: every
        // request built them again and EF looked its internal service provider up by comparing them (a tenth of a page's CPU).
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<AppealsDbContext, SqliteAppealsDbContext>(Configure, optionsLifetime: ServiceLifetime.Singleton);
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<AppealsDbContext, SqlServerAppealsDbContext>(Configure, optionsLifetime: ServiceLifetime.Singleton);
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContext<AppealsDbContext, PostgreSqlAppealsDbContext>(Configure, optionsLifetime: ServiceLifetime.Singleton);
                break;
        }
        services.AddLogging(); // idempotent; the importer logs ids and counts
        // The app's clock: the system clock, or the day Clock:AsOf names (AsOfClock).
        services.TryAddSingleton(AsOfClock.FromConfiguration(configuration));
        services.TryAddSingleton(_ => CarcCatalog.Shipped);
        services.TryAddSingleton<DenialDetector>();
        services.TryAddScoped<RemittanceImporter>();
        return services;
    }
}
