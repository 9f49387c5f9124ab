using Appeals.Analytics.Kpis;
using Appeals.Analytics.Rollups;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Analytics.Scorecards;

/// <summary>
/// The payer scorecard (issue 16): per payer, denials (with appeals decided and overturned per level) from the trigger-kept
/// rollups (ADR 0052), claims and their service days from the claim rollups (one row per remittance), underpayments from
/// their own rollup, take-backs from their own table. No query reads a case row, whatever the number of cases.
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
            Recoveries = g.Sum(r => r.RecoveredResolutions), RecoverySeconds = g.Sum(r => r.RecoverySeconds),
            L1D = g.Sum(r => r.Level1Decided), L1O = g.Sum(r => r.Level1Overturned), L2D = g.Sum(r => r.Level2Decided), L2O = g.Sum(r => r.Level2Overturned),
            L3D = g.Sum(r => r.Level3Decided), L3O = g.Sum(r => r.Level3Overturned), L4D = g.Sum(r => r.Level4Decided), L4O = g.Sum(r => r.Level4Overturned),
            L5D = g.Sum(r => r.Level5Decided), L5O = g.Sum(r => r.Level5Overturned),
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
            (long Decided, long Overturned)[] levels = d is null ? [] : [(d.L1D, d.L1O), (d.L2D, d.L2O), (d.L3D, d.L3O), (d.L4D, d.L4O), (d.L5D, d.L5O)];
            var byLevel = levels.Select((l, i) => new LevelOverturn(i + 1, l.Decided, l.Overturned, Rate(l.Overturned, l.Decided)))
                .Where(l => l.Decided > 0).ToList();
            var top = causes[id].OrderByDescending(r => r.Cases).ThenBy(r => r.Category, StringComparer.Ordinal).Take(TopRootCauseCount)
                .Select(r => new RootCauseShare(r.Category, r.Cases, Cents.ToDollars(r.DeniedCents), (double)r.Cases / cases)).ToList();
            return new PayerScorecardRow(id, payers[id].Name, payers[id].PayerType, c.Claims, cases, Cents.ToDollars(d?.DeniedCents ?? 0),
                Rate(cases, c.Claims), top, d?.Decided ?? 0, d?.Overturned ?? 0, Rate(d?.Overturned ?? 0, d?.Decided ?? 0),
                d is { Timed: > 0 } ? Math.Round(d.Seconds / 86400.0 / d.Timed, 1) : null, Cents.ToDollars(d?.RecoveredCents ?? 0),
                u.Cases, u.Shortfall, Rate(u.Cases, c.Claims), u.Recovered, t.Count, t.Amount, t.Unlinked, byLevel,
                d is { Recoveries: > 0 } ? Math.Round(d.RecoverySeconds / 86400.0 / d.Recoveries, 1) : null,
                c.PaidDated, c.PaidDated > 0 ? Math.Round((double)c.ServiceToPaymentDays / c.PaidDated, 1) : null);
        }).OrderByDescending(r => r.Claims).ThenBy(r => r.Payer, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The scorecard month by month ("over time"): for each calendar month of the filter's range, every payer's figures as
    /// <see cref="ForAsync"/> gives them for that month alone, so the months of a range add up to the range (counts and
    /// amounts) and each figure keeps its one definition. Without a range: the twelve months up to the last month with
    /// data; with only one end, that end and the data's other end. A month in which a payer has nothing lists no row for it.
    /// </summary>
    public async Task<IReadOnlyList<PayerScorecardMonth>> ByMonthAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        if (await DataMonthsAsync(filter, ct) is not var (first, last)) return [];
        var months = new List<PayerScorecardMonth>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            var within = filter with
            {
                From = filter.From is { } from && from > month ? from : month,
                To = filter.To is { } to && to < end ? to : end,
            };
            months.Add(new PayerScorecardMonth(month, await ForAsync(within, ct)));
        }
        return months;
    }

    /// <summary>Every month from and to which <see cref="ByMonthAsync"/> reports, as their first days; null when there is no data.</summary>
    private async Task<(DateOnly First, DateOnly Last)?> DataMonthsAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
        if (filter is { From: { } from, To: { } to }) return from > to ? null : (MonthOf(from), MonthOf(to));
        var remittances = db.Remittances.AsNoTracking().Select(r => r.PaymentDate ?? r.ProductionDate);
        var dates = new[]
        {
            await db.DenialDayRollups.AsNoTracking().MinAsync(r => (DateOnly?)r.DenialDate, ct), await db.DenialDayRollups.AsNoTracking().MaxAsync(r => (DateOnly?)r.DenialDate, ct),
            await remittances.MinAsync(ct), await remittances.MaxAsync(ct),
        }.OfType<DateOnly>().ToList();
        if (dates.Count == 0) return null;
        var last = MonthOf(filter.To ?? dates.Max());
        var first = MonthOf(filter.From ?? (filter.To is null ? last.AddMonths(-(DefaultMonths - 1)) : dates.Min()));
        return first > last ? null : (first, last);
    }

    /// <summary>How many months <see cref="ByMonthAsync"/> reports when no range is given.</summary>
    public const int DefaultMonths = 12;

    private static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>
    /// Per payer: adjudicated claims, and over the paid claims with a service date the count and the sum of days from service
    /// to their remittance's payment date (BPR16, else the production date). One row per remittance comes back (the
    /// rollup's grain): each contributes payment day x paid claims - their summed service days.
    /// </summary>
    private async Task<Dictionary<long, (long Claims, long PaidDated, long ServiceToPaymentDays)>> ClaimsAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        var rows = from c in db.ClaimRemittanceRollups.AsNoTracking()
                   join r in db.Remittances on c.RemittanceId equals r.Id
                   select new { c.Claims, c.PaidDatedClaims, c.PaidServiceDays, Date = r.PaymentDate ?? r.ProductionDate, r.PayerId };
        if (filter.From is { } from) rows = rows.Where(r => r.Date >= from);
        if (filter.To is { } to) rows = rows.Where(r => r.Date <= to);
        if (filter.PayerId is { } payer) rows = rows.Where(r => r.PayerId == payer);
        var remittances = await rows.ToListAsync(ct);
        // A remittance with neither a payment nor a production date has no payment day: its claims count, their days do not.
        return remittances.GroupBy(r => r.PayerId).ToDictionary(g => g.Key, g => (g.Sum(r => r.Claims),
            g.Where(r => r.Date is not null).Sum(r => r.PaidDatedClaims),
            g.Where(r => r.Date is not null).Sum(r => (long)r.Date!.Value.DayNumber * r.PaidDatedClaims - (r.PaidServiceDays + (long)UnixEpochDay * r.PaidDatedClaims))));
    }

    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>Per payer: underpayment cases, shortfall and recovered (at most the shortfall), from their day rollup (ADR 0052).</summary>
    private async Task<Dictionary<long, (long Cases, decimal Shortfall, decimal Recovered)>> UnderpaymentsAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        var days = db.UnderpaymentDayRollups.AsNoTracking();
        if (filter.From is { } from) days = days.Where(r => r.DenialDate >= from);
        if (filter.To is { } to) days = days.Where(r => r.DenialDate <= to);
        if (filter.PayerId is { } payer) days = days.Where(r => r.PayerId == payer);
        var rows = await days.GroupBy(r => r.PayerId)
            .Select(g => new { PayerId = g.Key, Cases = g.Sum(r => r.Cases), Shortfall = g.Sum(r => r.ShortfallCents), Recovered = g.Sum(r => r.RecoveredCents) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.PayerId, r => (r.Cases, Cents.ToDollars(r.Shortfall), Cents.ToDollars(r.Recovered)));
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
