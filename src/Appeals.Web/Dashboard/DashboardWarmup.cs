using Appeals.Analytics;
using Microsoft.Extensions.Options;

namespace Appeals.Web.Dashboard;

/// <summary>
/// Computes the dashboard's figures once in the background when the app has started, unfiltered and for the last year, and
/// keeps nothing (ADR 0139). The first manager's view after a start then finds EF's queries compiled and the rollups and the
/// deadline index in the database's cache, instead of paying for both (1.14 s at a million cases on PostgreSQL); the figures
/// it shows are still computed when it asks, so a warm-up never stands in for a current answer. Off with
/// <c>Dashboard:WarmAtStart=false</c>.
/// </summary>
internal sealed class DashboardWarmup(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DashboardOptions> options,
    ILogger<DashboardWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmAtStart) return;
        await Task.Yield(); // the host goes on starting
        foreach (var filter in Filters(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
        {
            try
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await DashboardSnapshots.ComputeInScopeAsync(scopes, clock, filter, stoppingToken);
                logger.LogInformation("Dashboard warmed ({Filter}) in {Milliseconds} ms", filter.From is null ? "all" : "dated", watch.ElapsedMilliseconds);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Only a warm-up: the page computes its figures itself and reports its own errors.
                logger.LogWarning(e, "Warming the dashboard failed");
                return;
            }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>The unfiltered page, and a dated one: a date filter changes every query's shape, so EF compiles those apart.</summary>
    internal static IEnumerable<AnalyticsFilter> Filters(DateOnly today) => [AnalyticsFilter.None, new AnalyticsFilter(today.AddYears(-1), today)];
}
