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
        var averages = await Durations()
            .Join(filter.Apply(db.DenialCases), d => d.Id, c => c.Id, (d, c) => d)
            .GroupBy(d => 1)
            .Select(g => new
            {
                Appealed = g.Count(d => d.DaysToAppeal != null),
                DaysToAppeal = g.Average(d => d.DaysToAppeal),
                Resolved = g.Count(d => d.DaysToResolution != null),
                DaysToResolution = g.Average(d => d.DaysToResolution),
            })
            .SingleOrDefaultAsync(ct);
        return (
            averages is { Appealed: > 0, DaysToAppeal: { } appeal } ? Kpi<double>.Of(appeal) : Kpi<double>.NoOutcomesYet,
            averages is { Resolved: > 0, DaysToResolution: { } resolution } ? Kpi<double>.Of(resolution) : Kpi<double>.NoOutcomesYet);
    }

    private IQueryable<CaseDuration> Durations() => db.Database.IsSqlServer()
        ? db.Database.SqlQueryRaw<CaseDuration>("""
            SELECT [Id],
                   CAST(DATEDIFF(minute, CAST([DenialDate] AS datetime2), [FirstAppealedAt]) AS float) / 1440.0 AS [DaysToAppeal],
                   CASE WHEN [Status] IN ('recovered','partially_recovered','upheld','written_off','closed')
                        THEN CAST(DATEDIFF(minute, CAST([DenialDate] AS datetime2), [ClosedAt]) AS float) / 1440.0 END AS [DaysToResolution]
            FROM [DenialCases]
            """)
        : db.Database.SqlQueryRaw<CaseDuration>("""
            SELECT "Id",
                   julianday("FirstAppealedAt") - julianday("DenialDate") AS "DaysToAppeal",
                   CASE WHEN "Status" IN ('recovered','partially_recovered','upheld','written_off','closed')
                        THEN julianday("ClosedAt") - julianday("DenialDate") END AS "DaysToResolution"
            FROM "DenialCases"
            """);

    internal sealed class CaseDuration
    {
        public long Id { get; set; }
        public double? DaysToAppeal { get; set; }
        public double? DaysToResolution { get; set; }
    }
}
