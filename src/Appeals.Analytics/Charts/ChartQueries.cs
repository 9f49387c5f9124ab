using Appeals.Analytics.Kpis;
using Appeals.Analytics.Rollups;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Analytics.Charts;

/// <summary>Each chart's data from one grouped query over the dashboard rollups (ADR 0052): only the groups come back.</summary>
public sealed class ChartQueries(AppealsDbContext db, TimeProvider time)
{
    private readonly DashboardSource _source = new(db);

    public Task<ChartData> LoadAsync(ChartKind kind, AnalyticsFilter filter, CancellationToken ct = default) => kind switch
    {
        ChartKind.Pareto => Upcast(ParetoAsync(filter, ct)),
        ChartKind.Trend => Upcast(TrendAsync(filter, ct)),
        ChartKind.Heatmap => Upcast(HeatmapAsync(filter, ct)),
        ChartKind.TopCarcs => Upcast(TopCarcsAsync(filter, ct)),
        ChartKind.Aging => Upcast(AgingAsync(filter, ct)),
        ChartKind.Overturn => Upcast(OverturnAsync(filter, ct)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public async Task<ParetoChart> ParetoAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        var rows = await _source.Days(filter)
            .GroupBy(r => r.Category)
            .Select(g => new { g.Key, Count = g.Sum(r => r.Cases), Cents = g.Sum(r => r.DeniedCents) })
            .ToListAsync(ct);
        return new ParetoChart([.. rows.Select(r => new CategoryAmount(r.Key, (int)r.Count, Cents.ToDollars(r.Cents)))]);
    }

    public async Task<TrendChart> TrendAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        // Days roll up to months here: a few thousand (category, day) groups, not a sort of computed months.
        var rows = await _source.Days(filter)
            .GroupBy(r => new { r.Category, r.DenialDate })
            .Select(g => new { g.Key.Category, g.Key.DenialDate, Cents = g.Sum(r => r.DeniedCents) })
            .ToListAsync(ct);
        var months = rows
            .GroupBy(r => (Month: new DateOnly(r.DenialDate.Year, r.DenialDate.Month, 1), r.Category))
            .Select(g => new MonthCategoryAmount(g.Key.Month, g.Key.Category, Cents.ToDollars(g.Sum(r => r.Cents))));
        return new TrendChart([.. months], filter.From, filter.To);
    }

    public async Task<HeatmapChart> HeatmapAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        var rows = await _source.Days(filter)
            .GroupBy(r => new { r.Category, r.PayerId })
            .Select(g => new { g.Key.PayerId, g.Key.Category, Count = g.Sum(r => r.Cases), Cents = g.Sum(r => r.DeniedCents) })
            .ToListAsync(ct);
        var names = await db.Payers.ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return new HeatmapChart([.. rows.Select(r => new PayerCategoryAmount(
            names.GetValueOrDefault(r.PayerId) ?? $"Payer {r.PayerId}", r.Category, (int)r.Count, Cents.ToDollars(r.Cents)))]);
    }

    public async Task<TopCarcsChart> TopCarcsAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        var rows = await _source.Reasons(filter)
            .GroupBy(r => new { r.Category, r.PrimaryReason })
            .Select(g => new { g.Key.PrimaryReason, g.Key.Category, Count = g.Sum(r => r.Cases), Cents = g.Sum(r => r.DeniedCents) })
            .ToListAsync(ct);
        // CO-16 and PI-16 are one reason code: add the groups, keep the costliest category.
        var byCarc = rows.GroupBy(r => DenialRateQueries.CarcOf(r.PrimaryReason), StringComparer.Ordinal)
            .Select(g => new CarcAmount(g.Key, g.MaxBy(r => r.Cents)!.Category, (int)g.Sum(r => r.Count), Cents.ToDollars(g.Sum(r => r.Cents))));
        return new TopCarcsChart([.. byCarc]);
    }

    public async Task<AgingChart> AgingAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        new(await new KpiQueries(db, time).AgingAsync(filter, ct));

    public async Task<OverturnChart> OverturnAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        var rows = await _source.Days(filter)
            .Where(r => r.AppealsDecided > 0)
            .GroupBy(r => r.Category)
            .Select(g => new
            {
                g.Key,
                Decided = g.Sum(r => r.AppealsDecided),
                Overturned = g.Sum(r => r.AppealsOverturned),
                DeniedCents = g.Sum(r => r.DecidedDeniedCents),
                RecoveredCents = g.Sum(r => r.DecidedRecoveredCents),
            })
            .ToListAsync(ct);
        return new OverturnChart([.. rows.Select(r => new CategoryOverturn(
            r.Key, (int)r.Decided, (int)r.Overturned, Cents.ToDollars(r.DeniedCents), Cents.ToDollars(r.RecoveredCents)))]);
    }

    private static async Task<ChartData> Upcast<T>(Task<T> chart) where T : ChartData => await chart;
}
