using Appeals.Analytics.Kpis;
using Appeals.Analytics.Rollups;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Analytics.Scorecards;

/// <summary>
/// The payer scorecard (issue 16): per payer, denials from the trigger-kept rollups (ADR 0052), claims from the claim
/// rollups, underpayments from their cases by the (Kind, DenialDate, PayerId) index, take-backs from their own table. Six
/// grouped queries whatever the number of cases; only per-payer totals come back.
/// </summary>
public sealed class PayerScorecardQueries(AppealsDbContext db)
{
    public const int TopRootCauseCount = 3;

    private readonly DashboardSource _source = new(db);

    public async Task<IReadOnlyList<PayerScorecardRow>> ForAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        var days = _source.Days(filter);
        var denials = await days.GroupBy(r => r.PayerId).Select(g => new
        {
            PayerId = g.Key, Cases = g.Sum(r => r.Cases), DeniedCents = g.Sum(r => r.DeniedCents), RecoveredCents = g.Sum(r => r.RecoveredCents),
            Decided = g.Sum(r => r.AppealsDecided), Overturned = g.Sum(r => r.AppealsOverturned),
            Timed = g.Sum(r => r.TimedResolutions), Seconds = g.Sum(r => r.ResolutionSeconds),
        }).ToDictionaryAsync(r => r.PayerId, ct);
        var causes = (await days.GroupBy(r => new { r.PayerId, r.Category })
                .Select(g => new { g.Key.PayerId, g.Key.Category, Cases = g.Sum(r => r.Cases), DeniedCents = g.Sum(r => r.DeniedCents) }).ToListAsync(ct))
            .ToLookup(r => r.PayerId);
        var claims = await ClaimsAsync(filter, ct);
        var underpayments = await UnderpaymentsAsync(filter, ct);
        var takeBacks = await TakeBacksAsync(filter, ct);

        var payerIds = denials.Keys.Union(claims.Keys).Union(underpayments.Keys).Union(takeBacks.Keys).ToList();
        var payers = await db.Payers.AsNoTracking().Where(p => payerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return payerIds.Where(payers.ContainsKey).Select(id =>
        {
            var d = denials.GetValueOrDefault(id);
            var c = claims.GetValueOrDefault(id);
            var u = underpayments.GetValueOrDefault(id);
            var t = takeBacks.GetValueOrDefault(id);
            var cases = d?.Cases ?? 0;
            var top = causes[id].OrderByDescending(r => r.Cases).ThenBy(r => r.Category, StringComparer.Ordinal).Take(TopRootCauseCount)
                .Select(r => new RootCauseShare(r.Category, r.Cases, Cents.ToDollars(r.DeniedCents), (double)r.Cases / cases)).ToList();
            return new PayerScorecardRow(id, payers[id].Name, payers[id].PayerType, c, cases, Cents.ToDollars(d?.DeniedCents ?? 0),
                Rate(cases, c), top, d?.Decided ?? 0, d?.Overturned ?? 0, Rate(d?.Overturned ?? 0, d?.Decided ?? 0),
                d is { Timed: > 0 } ? Math.Round(d.Seconds / 86400.0 / d.Timed, 1) : null, Cents.ToDollars(d?.RecoveredCents ?? 0),
                u.Cases, u.Shortfall, Rate(u.Cases, c), u.Recovered, t.Count, t.Amount, t.Unlinked);
        }).OrderByDescending(r => r.Claims).ThenBy(r => r.Payer, StringComparer.Ordinal).ToList();
    }

    private static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private async Task<Dictionary<long, long>> ClaimsAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        var rows = from c in db.ClaimRemittanceRollups.AsNoTracking()
                   join r in db.Remittances on c.RemittanceId equals r.Id
                   select new { c.Claims, Date = r.PaymentDate ?? r.ProductionDate, r.PayerId };
        if (filter.From is { } from) rows = rows.Where(r => r.Date >= from);
        if (filter.To is { } to) rows = rows.Where(r => r.Date <= to);
        if (filter.PayerId is { } payer) rows = rows.Where(r => r.PayerId == payer);
        return await rows.GroupBy(r => r.PayerId).Select(g => new { g.Key, Claims = g.Sum(r => r.Claims) }).ToDictionaryAsync(r => r.Key, r => r.Claims, ct);
    }

    // Underpayment cases are few (a few percent of claims): their amounts are summed here, not in SQL, because SQLite keeps decimals as text.
    private async Task<Dictionary<long, (long Cases, decimal Shortfall, decimal Recovered)>> UnderpaymentsAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        var cases = db.DenialCases.AsNoTracking().Where(c => c.Kind == CaseKinds.Underpayment);
        if (filter.From is { } from) cases = cases.Where(c => c.DenialDate >= from);
        if (filter.To is { } to) cases = cases.Where(c => c.DenialDate <= to);
        if (filter.PayerId is { } payer) cases = cases.Where(c => c.PayerId == payer);
        var rows = await cases.Select(c => new { c.PayerId, c.ShortfallAmount, c.RecoveredAmount }).ToListAsync(ct);
        return rows.GroupBy(r => r.PayerId).ToDictionary(g => g.Key,
            g => ((long)g.Count(), g.Sum(r => r.ShortfallAmount ?? 0), g.Sum(r => Math.Min(r.RecoveredAmount, r.ShortfallAmount ?? 0))));
    }

    private async Task<Dictionary<long, (long Count, decimal Amount, long Unlinked)>> TakeBacksAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        var takeBacks = db.TakeBacks.AsNoTracking();
        if (filter.From is { } from) takeBacks = takeBacks.Where(t => t.TakenOn >= from);
        if (filter.To is { } to) takeBacks = takeBacks.Where(t => t.TakenOn <= to);
        if (filter.PayerId is { } payer) takeBacks = takeBacks.Where(t => t.PayerId == payer);
        var rows = await takeBacks.Select(t => new { t.PayerId, t.Amount, Linked = t.ClaimPaymentId != null }).ToListAsync(ct);
        return rows.GroupBy(r => r.PayerId).ToDictionary(g => g.Key, g => ((long)g.Count(), g.Sum(r => r.Amount), (long)g.Count(r => !r.Linked)));
    }
}
