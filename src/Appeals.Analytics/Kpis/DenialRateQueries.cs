using System.Linq.Expressions;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Analytics.Kpis;

/// <summary>
/// Initial denial rate broken down by payer, category, CARC, provider, procedure or month.
/// Payer, provider and month exist on claims too, so each group has its own denominator;
/// category, CARC and procedure only exist once a claim is denied, so their denominator is every
/// adjudicated claim in the filter (the group's share of the overall rate).
/// </summary>
public sealed class DenialRateQueries(AppealsDbContext db)
{
    public async Task<IReadOnlyList<DenialRateRow>> ByAsync(DenialDimension dimension, AnalyticsFilter filter, CancellationToken ct = default)
    {
        var cases = filter.Apply(db.DenialCases);
        var claims = filter.Apply(db.ClaimPayments);
        var (denials, adjudicated) = dimension switch
        {
            DenialDimension.Payer => (await Denials(cases, c => c.PayerId, k => k.ToString(), ct),
                                      await Claims(claims, c => c.Remittance!.PayerId, k => k.ToString(), ct)),
            DenialDimension.Provider => (await Denials(cases, c => c.RenderingProviderId, k => k, ct),
                                         await Claims(claims, c => c.RenderingProviderId, k => k, ct)),
            DenialDimension.Month => (await Denials(cases, c => c.DenialDate.Year * 100 + c.DenialDate.Month, MonthKey, ct),
                                      await Claims(claims, c => (c.Remittance!.PaymentDate ?? c.Remittance.ProductionDate)!.Value.Year * 100
                                                              + (c.Remittance.PaymentDate ?? c.Remittance.ProductionDate)!.Value.Month, MonthKey, ct)),
            DenialDimension.Category => (await Denials(cases, c => c.Category, k => k, ct), null),
            DenialDimension.Carc => (await Denials(cases, c => c.PrimaryReason, CarcOf, ct), null),
            DenialDimension.Procedure => (await Denials(cases, c => c.ProcedureCode, k => k, ct), null),
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
        };
        // Plain aggregates for the overall denominator: GroupBy(constant) would sort every row on SQLite.
        var total = adjudicated is null
            ? new Dictionary<string, (int Count, decimal Amount)>
            {
                [""] = (await claims.CountAsync(ct), Cents.ToDollars(await claims.SumAsync(c => MoneyInSql.Cents(c.ChargeAmount), ct))),
            }
            : null;
        var labels = dimension == DenialDimension.Payer ? await PayerNamesAsync(ct) : null;

        var keys = denials.Keys.Union(adjudicated?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal);
        return keys.Select(key =>
        {
            var d = denials.GetValueOrDefault(key);
            var a = adjudicated is null ? total!.GetValueOrDefault("") : adjudicated.GetValueOrDefault(key);
            var label = labels?.GetValueOrDefault(key) ?? (key.Length == 0 ? "(none)" : key);
            return new DenialRateRow(key, label, a.Count, a.Amount, d.Count, d.Amount,
                Ratio.Of(d.Count, a.Count, KpiMissing.NoData), Ratio.Of(d.Amount, a.Amount, KpiMissing.NoData));
        }).ToList();
    }

    private static string MonthKey(int yyyymm) => $"{yyyymm / 100:D4}-{yyyymm % 100:D2}";

    /// <summary>"CO-197" → "197": the rate by CARC adds the groups of one code together.</summary>
    internal static string CarcOf(string primaryReason) =>
        primaryReason.IndexOf('-') is var dash and >= 0 ? primaryReason[(dash + 1)..] : primaryReason;

    private static async Task<Dictionary<string, (int Count, decimal Amount)>> Denials<TKey>(
        IQueryable<DenialCase> cases, Expression<Func<DenialCase, TKey>> key, Func<TKey, string> text, CancellationToken ct)
    {
        var rows = await cases.GroupBy(key)
            .Select(g => new { g.Key, Count = g.Count(), Cents = g.Sum(c => MoneyInSql.Cents(c.DeniedAmount)) })
            .ToListAsync(ct);
        return Merge(rows.Select(r => (text(r.Key), r.Count, r.Cents)));
    }

    private static async Task<Dictionary<string, (int Count, decimal Amount)>> Claims<TKey>(
        IQueryable<ClaimPayment> claims, Expression<Func<ClaimPayment, TKey>> key, Func<TKey, string> text, CancellationToken ct)
    {
        var rows = await claims.GroupBy(key)
            .Select(g => new { g.Key, Count = g.Count(), Cents = g.Sum(c => MoneyInSql.Cents(c.ChargeAmount)) })
            .ToListAsync(ct);
        return Merge(rows.Select(r => (text(r.Key), r.Count, r.Cents)));
    }

    // Several database keys can read the same (CO-16 and PI-16 are both CARC 16).
    private static Dictionary<string, (int Count, decimal Amount)> Merge(IEnumerable<(string Key, int Count, long Cents)> rows) =>
        rows.GroupBy(r => r.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Sum(r => r.Count), Cents.ToDollars(g.Sum(r => r.Cents))), StringComparer.Ordinal);

    private async Task<Dictionary<string, string>> PayerNamesAsync(CancellationToken ct) =>
        await db.Payers.ToDictionaryAsync(p => p.Id.ToString(), p => p.Name, ct);
}
