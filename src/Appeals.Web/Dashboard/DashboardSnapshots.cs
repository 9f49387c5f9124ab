using System.Collections.Concurrent;
using Appeals.Analytics;
using Appeals.Analytics.Charts;
using Appeals.Analytics.Kpis;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Appeals.Web.Dashboard;

/// <summary>How often the dashboard recomputes one filter's figures (ADR 0082).</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Figures older than this are recomputed on the next request; 0 recomputes on every request.</summary>
    public int RefreshSeconds { get; set; } = 30;

    /// <summary>How many filters keep their figures at once; the longest unused is dropped first.</summary>
    public int MaxFilters { get; set; } = 200;

    /// <summary>Compute the figures once in the background at start and keep nothing, so that the first view is not cold (ADR 0139).</summary>
    public bool WarmAtStart { get; set; } = true;
}

/// <summary>Everything the dashboard shows for one filter, computed at one moment.</summary>
public sealed record DashboardData(
    AnalyticsFilter Filter, DateTimeOffset ComputedAt, KpiSummary Kpis, IReadOnlyDictionary<ChartKind, ChartData> Charts,
    IReadOnlyList<(long Id, string Name)> Payers, IReadOnlyList<string> Categories);

/// <summary>
/// One filter's dashboard figures shared by everyone who asks for that filter (ADR 0082). Twenty managers opening the
/// dashboard cost one computation, not twenty: the first request computes, requests that arrive meanwhile wait for that
/// same computation, and later ones get the stored figures until they are <see cref="DashboardOptions.RefreshSeconds"/>
/// old. Once older, the next request starts one recomputation and is answered with the figures it has (their age
/// stated on the page) rather than waiting; the one after gets the new figures. The page always says when its
/// figures were computed, so an older answer is never passed off as a current one.
/// </summary>
public sealed class DashboardSnapshots
{
    private readonly Func<AnalyticsFilter, CancellationToken, Task<DashboardData>> _compute;
    private readonly TimeProvider _clock;
    private readonly DashboardOptions _options;
    private readonly ConcurrentDictionary<AnalyticsFilter, Slot> _slots = new();

    public DashboardSnapshots(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DashboardOptions> options)
        : this((filter, ct) => ComputeInScopeAsync(scopes, clock, filter, ct), clock, options.Value) { }

    /// <summary>With the computation given: tests count how often it runs.</summary>
    internal DashboardSnapshots(Func<AnalyticsFilter, CancellationToken, Task<DashboardData>> compute, TimeProvider clock, DashboardOptions options)
    {
        _compute = compute;
        _clock = clock;
        _options = options;
    }

    public TimeSpan RefreshEvery => TimeSpan.FromSeconds(Math.Max(0, _options.RefreshSeconds));

    /// <summary>The figures for <paramref name="filter"/>: stored ones while fresh, else as described on the class.</summary>
    public async Task<DashboardData> GetAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        if (_options.RefreshSeconds <= 0) return await _compute(filter, ct);
        var slot = _slots.GetOrAdd(filter, _ => new Slot());
        Task<DashboardData> waitFor;
        lock (slot)
        {
            slot.LastUsed = _clock.GetUtcNow();
            var current = slot.Current;
            if (current is not null && (_clock.GetUtcNow() - current.ComputedAt < RefreshEvery || slot.Computing is not null))
                return current; // fresh, or already being recomputed by someone else: answer with what is stored
            // Nothing stored yet (every caller waits for the one computation), or stored and too old (this caller
            // starts the recomputation and is answered with the stored figures).
            waitFor = slot.Computing ??= RunAsync(filter, slot);
            if (current is not null) return current;
        }
        if (_slots.Count > _options.MaxFilters) Evict();
        return await waitFor.WaitAsync(ct);
    }

    // Not cancelled by the request that started it: others wait for it too.
    private async Task<DashboardData> RunAsync(AnalyticsFilter filter, Slot slot)
    {
        await Task.Yield();
        try
        {
            var data = await _compute(filter, CancellationToken.None);
            lock (slot)
            {
                slot.Current = data;
                slot.Computing = null;
            }
            return data;
        }
        catch
        {
            // A failed computation is not stored: the next request tries again.
            lock (slot) slot.Computing = null;
            throw;
        }
    }

    private void Evict()
    {
        foreach (var (filter, _) in _slots.OrderBy(s => { lock (s.Value) return s.Value.LastUsed; }).Take(_slots.Count - _options.MaxFilters))
            _slots.TryRemove(filter, out _);
    }

    /// <summary>The KPIs, every chart, and the filter form's payers and categories, on a context of its own.</summary>
    internal static async Task<DashboardData> ComputeInScopeAsync(IServiceScopeFactory scopes, TimeProvider clock, AnalyticsFilter filter, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppealsDbContext>();
        var computedAt = clock.GetUtcNow();
        var kpis = await services.GetRequiredService<KpiQueries>().SummaryAsync(filter, ct);
        var charts = new Dictionary<ChartKind, ChartData>();
        var chartQueries = services.GetRequiredService<ChartQueries>();
        foreach (var kind in Enum.GetValues<ChartKind>()) charts[kind] = await chartQueries.LoadAsync(kind, filter, ct);
        var payers = await Formatting.PayerChoices.ListAsync(db, ct);
        // From the rollup (a few thousand rows), not a distinct over every case (ADR 0052).
        var categories = await db.DenialDayRollups.Select(r => r.Category).Distinct().OrderBy(c => c).ToListAsync(ct);
        return new DashboardData(filter, computedAt, kpis, charts, payers, categories);
    }

    private sealed class Slot
    {
        public DashboardData? Current;
        public Task<DashboardData>? Computing;
        public DateTimeOffset LastUsed;
    }
}
