using Appeals.Core.Persistence;
using Appeals.Core.Rollups;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Analytics.Rollups;

/// <summary>
/// The rows every KPI and chart aggregates, already narrowed to a filter (ADR 0052). Denial days,
/// payers and categories are rollup keys, so those filters read the trigger-kept rollups: a few
/// thousand rows instead of a million cases. A rendering provider is finer than any rollup, so that
/// filter reads the same shape computed per case (<see cref="RollupFacts"/>) from the provider's rows.
/// </summary>
internal sealed class DashboardSource(AppealsDbContext db)
{
    private DatabaseProvider Provider => AppealsDatabase.ProviderOf(db.Database);

    /// <summary>Denial cases summed per denial day, payer and category.</summary>
    public IQueryable<DenialDayRollup> Days(AnalyticsFilter filter) => Filtered(filter.ProviderId is { Length: > 0 } provider
        ? db.DenialDayRollups.FromSqlRaw(RollupFacts.DenialDays(Provider, byProvider: true), provider)
        : db.DenialDayRollups, filter);

    /// <summary>Denial cases summed per denial day, payer, category and primary reason.</summary>
    public IQueryable<DenialReasonDayRollup> Reasons(AnalyticsFilter filter) => Filtered(filter.ProviderId is { Length: > 0 } provider
        ? db.DenialReasonDayRollups.FromSqlRaw(RollupFacts.DenialReasonDays(Provider, byProvider: true), provider)
        : db.DenialReasonDayRollups, filter);

    /// <summary>The filter's dates, payer and category, the same on every denial-day rollup.</summary>
    private static IQueryable<T> Filtered<T>(IQueryable<T> rows, AnalyticsFilter filter) where T : class, IDenialDayKey
    {
        rows = rows.AsNoTracking();
        if (filter.From is { } from) rows = rows.Where(r => r.DenialDate >= from);
        if (filter.To is { } to) rows = rows.Where(r => r.DenialDate <= to);
        if (filter.PayerId is { } payer) rows = rows.Where(r => r.PayerId == payer);
        if (!string.IsNullOrEmpty(filter.Category)) rows = rows.Where(r => r.Category == filter.Category);
        return rows;
    }

    /// <summary>
    /// Adjudicated claims and their charges (the denial rate's denominator), dated and attributed by
    /// their remittance. The category filter does not apply: a claim has no category until it is denied.
    /// </summary>
    public async Task<(long Claims, long ChargeCents)> ClaimTotalsAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        var claims = filter.ProviderId is { Length: > 0 } provider
            ? db.ClaimRemittanceRollups.FromSqlRaw(RollupFacts.ClaimRemittances(Provider, byProvider: true), provider)
            : db.ClaimRemittanceRollups;
        var rows = from c in claims.AsNoTracking()
                   join r in db.Remittances on c.RemittanceId equals r.Id
                   select new { c.Claims, c.ChargeCents, Date = r.PaymentDate ?? r.ProductionDate, r.PayerId };
        if (filter.From is { } from) rows = rows.Where(r => r.Date >= from);
        if (filter.To is { } to) rows = rows.Where(r => r.Date <= to);
        if (filter.PayerId is { } payer) rows = rows.Where(r => r.PayerId == payer);
        return (await rows.SumAsync(r => r.Claims, ct), await rows.SumAsync(r => r.ChargeCents, ct));
    }
}
