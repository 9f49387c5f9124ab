using Appeals.Analytics.Kpis;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Analytics.Charts;

/// <summary>Each chart's data from one grouped query: the database aggregates, only the groups come back.</summary>
public sealed class ChartQueries(AppealsDbContext db, TimeProvider time)
{
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
        var rows = await filter.Apply(db.DenialCases)
            .GroupBy(c => c.Category)
            .Select(g => new { g.Key, Count = g.Count(), Cents = g.Sum(c => (long)Math.Round((double)c.DeniedAmount * 100)) })
            .ToListAsync(ct);
        return new ParetoChart([.. rows.Select(r => new CategoryAmount(r.Key, r.Count, Cents.ToDollars(r.Cents)))]);
    }

    public async Task<TrendChart> TrendAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        // Grouped by (category, day), the order of the dashboard index, so SQLite aggregates as it
        // scans instead of sorting every row by a computed month; days roll up to months here.
        var rows = await filter.Apply(db.DenialCases)
            .GroupBy(c => new { c.Category, c.DenialDate })
            .Select(g => new { g.Key.Category, g.Key.DenialDate, Cents = g.Sum(c => (long)Math.Round((double)c.DeniedAmount * 100)) })
            .ToListAsync(ct);
        var months = rows
            .GroupBy(r => (Month: new DateOnly(r.DenialDate.Year, r.DenialDate.Month, 1), r.Category))
            .Select(g => new MonthCategoryAmount(g.Key.Month, g.Key.Category, Cents.ToDollars(g.Sum(r => r.Cents))));
        return new TrendChart([.. months], filter.From, filter.To);
    }

    public async Task<HeatmapChart> HeatmapAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        var rows = await filter.Apply(db.DenialCases)
            // Category first: SQLite then scans the covering dashboard index, not the PayerId one plus every row.
            .GroupBy(c => new { c.Category, c.PayerId })
            .Select(g => new { g.Key.PayerId, g.Key.Category, Count = g.Count(), Cents = g.Sum(c => (long)Math.Round((double)c.DeniedAmount * 100)) })
            .ToListAsync(ct);
        var names = await db.Payers.ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return new HeatmapChart([.. rows.Select(r => new PayerCategoryAmount(
            names.GetValueOrDefault(r.PayerId) ?? $"Payer {r.PayerId}", r.Category, r.Count, Cents.ToDollars(r.Cents)))]);
    }

    public async Task<TopCarcsChart> TopCarcsAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        var rows = await filter.Apply(db.DenialCases)
            .GroupBy(c => new { c.Category, c.PrimaryReason })
            .Select(g => new { g.Key.PrimaryReason, g.Key.Category, Count = g.Count(), Cents = g.Sum(c => (long)Math.Round((double)c.DeniedAmount * 100)) })
            .ToListAsync(ct);
        // CO-16 and PI-16 are one reason code: add the groups, keep the costliest category.
        var byCarc = rows.GroupBy(r => DenialRateQueries.CarcOf(r.PrimaryReason), StringComparer.Ordinal)
            .Select(g => new CarcAmount(g.Key, g.MaxBy(r => r.Cents)!.Category, g.Sum(r => r.Count), Cents.ToDollars(g.Sum(r => r.Cents))));
        return new TopCarcsChart([.. byCarc]);
    }

    public async Task<AgingChart> AgingAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        new(await new KpiQueries(db, time).AgingAsync(filter, ct));

    public async Task<OverturnChart> OverturnAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        var rows = await filter.Apply(db.DenialCases)
            .Where(c => c.FirstAppealedAt != null && CaseOutcomes.AppealDecided.Contains(c.Status))
            .GroupBy(c => c.Category)
            .Select(g => new
            {
                g.Key,
                Decided = g.Count(),
                Overturned = g.Count(c => CaseOutcomes.Overturned.Contains(c.Status)),
                DeniedCents = g.Sum(c => (long)Math.Round((double)c.DeniedAmount * 100)),
                RecoveredCents = g.Sum(c => (long)Math.Round((double)c.RecoveredAmount * 100)),
            })
            .ToListAsync(ct);
        return new OverturnChart([.. rows.Select(r => new CategoryOverturn(
            r.Key, r.Decided, r.Overturned, Cents.ToDollars(r.DeniedCents), Cents.ToDollars(r.RecoveredCents)))]);
    }

    private static async Task<ChartData> Upcast<T>(Task<T> chart) where T : ChartData => await chart;
}
