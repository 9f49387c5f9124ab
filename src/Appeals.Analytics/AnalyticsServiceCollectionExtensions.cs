using Appeals.Analytics.Charts;
using Appeals.Analytics.Kpis;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Analytics;

/// <summary>Registers the analytics queries; the host registers AppealsDbContext and TimeProvider (AddAppealsCore).</summary>
public static class AnalyticsServiceCollectionExtensions
{
    public static IServiceCollection AddAppealsAnalytics(this IServiceCollection services) =>
        services
            .AddScoped<KpiQueries>()
            .AddScoped<DenialRateQueries>()
            .AddScoped<ChartQueries>();
}
