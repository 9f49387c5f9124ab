using Appeals.Core.Persistence;
using Appeals.Web.Demo;

namespace Appeals.Web.Hosting;

public static class AppealsWebServiceCollectionExtensions
{
    /// <summary>Everything the web app needs: Core (database, importer), MVC with views, the demo seeder.</summary>
    public static IServiceCollection AddAppealsWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAppealsCore(configuration);
        services.AddControllersWithViews();
        services.Configure<DemoSeedOptions>(configuration.GetSection(DemoSeedOptions.Section));
        services.AddScoped<DemoSeeder>();
        return services;
    }
}
