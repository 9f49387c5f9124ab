using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Analytics.Kpis;

/// <summary>
/// Days from denial to appeal and to resolution. EF Core translates no day difference between a
/// date and an instant on SQLite, so the differences come from a small provider-specific SELECT
/// that EF composes with the filter and the averages: the work stays in the database.
/// </summary>
internal sealed class CaseDurationQueries(AppealsDbContext db)
{
    public async Task<(Kpi<double> DaysToAppeal, Kpi<double> DaysToResolution)> AveragesAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        // Sums and counts per category (the dashboard index's order, no sort), averaged here.
        var groups = await Filtered(Durations(), filter)
            .GroupBy(d => d.Category)
            .Select(g => new
            {
                Appealed = g.Count(d => d.DaysToAppeal != null),
                AppealDays = g.Sum(d => d.DaysToAppeal) ?? 0,
                Resolved = g.Count(d => d.DaysToResolution != null),
                ResolutionDays = g.Sum(d => d.DaysToResolution) ?? 0,
            })
            .ToListAsync(ct);
        int appealed = groups.Sum(g => g.Appealed), resolved = groups.Sum(g => g.Resolved);
        return (
            appealed > 0 ? Kpi<double>.Of(groups.Sum(g => g.AppealDays) / appealed) : Kpi<double>.NoOutcomesYet,
            resolved > 0 ? Kpi<double>.Of(groups.Sum(g => g.ResolutionDays) / resolved) : Kpi<double>.NoOutcomesYet);
    }

    // The same filter as AnalyticsFilter.Apply, on the SELECT's columns: a join back to DenialCases
    // would read every wide row by rowid (10x slower than scanning the covering index alone).
    private static IQueryable<CaseDuration> Filtered(IQueryable<CaseDuration> rows, AnalyticsFilter filter)
    {
        if (filter.From is { } from) rows = rows.Where(c => c.DenialDate >= from);
        if (filter.To is { } to) rows = rows.Where(c => c.DenialDate <= to);
        if (filter.PayerId is { } payer) rows = rows.Where(c => c.PayerId == payer);
        if (!string.IsNullOrEmpty(filter.ProviderId)) rows = rows.Where(c => c.RenderingProviderId == filter.ProviderId);
        if (!string.IsNullOrEmpty(filter.Category)) rows = rows.Where(c => c.Category == filter.Category);
        return rows;
    }

    private IQueryable<CaseDuration> Durations() => db.Database.IsSqlServer()
        ? db.Database.SqlQueryRaw<CaseDuration>("""
            SELECT [PayerId], [RenderingProviderId], [Category], [DenialDate],
                   CAST(DATEDIFF(minute, CAST([DenialDate] AS datetime2), [FirstAppealedAt]) AS float) / 1440.0 AS [DaysToAppeal],
                   CASE WHEN [Status] IN ('recovered','partially_recovered','upheld','written_off','closed')
                        THEN CAST(DATEDIFF(minute, CAST([DenialDate] AS datetime2), [ClosedAt]) AS float) / 1440.0 END AS [DaysToResolution]
            FROM [DenialCases]
            """)
        : db.Database.SqlQueryRaw<CaseDuration>("""
            SELECT "PayerId", "RenderingProviderId", "Category", "DenialDate",
                   julianday("FirstAppealedAt") - julianday("DenialDate") AS "DaysToAppeal",
                   CASE WHEN "Status" IN ('recovered','partially_recovered','upheld','written_off','closed')
                        THEN julianday("ClosedAt") - julianday("DenialDate") END AS "DaysToResolution"
            FROM "DenialCases"
            """);

    internal sealed class CaseDuration
    {
        public long PayerId { get; set; }
        public string RenderingProviderId { get; set; } = "";
        public string Category { get; set; } = "";
        public DateOnly DenialDate { get; set; }
        public double? DaysToAppeal { get; set; }
        public double? DaysToResolution { get; set; }
    }
}
