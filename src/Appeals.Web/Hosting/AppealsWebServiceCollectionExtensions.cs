using Appeals.Analytics;
using Appeals.Core.Persistence;
using Appeals.Web.Demo;
using Appeals.Workflows;

namespace Appeals.Web.Hosting;

public static class AppealsWebServiceCollectionExtensions
{
    /// <summary>Everything the web app needs: Core (database, importer), MVC with views, the demo seeder.</summary>
    public static IServiceCollection AddAppealsWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAppealsCore(configuration);
        services.AddAppealsOutcomeRecording();
        services.AddAppealsAnalytics();
        services.AddControllersWithViews();
        services.Configure<DemoSeedOptions>(configuration.GetSection(DemoSeedOptions.Section));
        services.AddScoped<DemoSeeder>();
        return services;
    }
}
