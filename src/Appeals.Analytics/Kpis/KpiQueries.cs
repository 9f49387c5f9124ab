using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Analytics.Kpis;

/// <summary>Computes the headline KPIs in the database with grouped queries; only totals come back.</summary>
public sealed class KpiQueries(AppealsDbContext db, TimeProvider time)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<KpiSummary> SummaryAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        // Two plain aggregates, not GroupBy(constant): SQLite would sort every row by the constant.
        var adjudicated = filter.Apply(db.ClaimPayments);
        var claims = new
        {
            Count = await adjudicated.CountAsync(ct),
            ChargedCents = await adjudicated.SumAsync(c => (long)Math.Round((double)c.ChargeAmount * 100), ct),
        };
        var cases = await CaseTotalsAsync(filter, ct);
        var durations = await new CaseDurationQueries(db).AveragesAsync(filter, ct);

        var charged = Cents.ToDollars(claims.ChargedCents);
        var denied = Cents.ToDollars(cases.DeniedCents);
        var avoidable = Cents.ToDollars(cases.AvoidableCents);
        var decidedDenied = Cents.ToDollars(cases.DecidedDeniedCents);
        return new KpiSummary
        {
            Filter = filter,
            AsOf = Today,
            AdjudicatedClaims = claims.Count,
            ChargedAmount = charged,
            DenialCases = cases.Cases,
            DeniedAmount = denied,
            InitialDenialRateByCount = Ratio.Of(cases.Cases, claims.Count, KpiMissing.NoData),
            InitialDenialRateByDollars = Ratio.Of(denied, charged, KpiMissing.NoData),
            AvoidableCases = cases.AvoidableCases,
            AvoidableAmount = avoidable,
            AvoidableShareByCount = Ratio.Of(cases.AvoidableCases, cases.Cases, KpiMissing.NoData),
            AvoidableShareByDollars = Ratio.Of(avoidable, denied, KpiMissing.NoData),
            ResolvedCases = cases.ResolvedCases,
            RecoveredAmount = cases.ResolvedCases == 0 && cases.RecoveredCents == 0
                ? Kpi<decimal>.NoOutcomesYet : Kpi<decimal>.Of(Cents.ToDollars(cases.RecoveredCents)),
            WrittenOffAmount = cases.ResolvedCases == 0
                ? Kpi<decimal>.NoOutcomesYet : Kpi<decimal>.Of(Cents.ToDollars(cases.WrittenOffCents)),
            AppealsDecided = cases.AppealsDecided,
            AppealsOverturned = cases.AppealsOverturned,
            OverturnRateByCount = Ratio.Of(cases.AppealsOverturned, cases.AppealsDecided, KpiMissing.NoOutcomesYet),
            OverturnRateByDollars = cases.AppealsDecided == 0
                ? Kpi<double>.NoOutcomesYet : Ratio.Of(Cents.ToDollars(cases.DecidedRecoveredCents), decidedDenied, KpiMissing.NoOutcomesYet),
            AverageDaysToAppeal = durations.DaysToAppeal,
            AverageDaysToResolution = durations.DaysToResolution,
            DeadlinesMissed = cases.DeadlinesMissed,
            OpenCasesByAge = await AgingAsync(filter, ct),
        };
    }

    /// <summary>Open cases by days since the denial date: 0–30, 31–60, 61–90, 91–120, over 120.</summary>
    public async Task<IReadOnlyList<AgingBucketRow>> AgingAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        var today = Today;
        // Grouped in the dashboard index's order (category, day) so SQLite aggregates while it scans;
        // the few thousand (category, day) groups fall into buckets here.
        var rows = await filter.Apply(db.DenialCases)
            .Where(c => !CaseOutcomes.Resolved.Contains(c.Status))
            .GroupBy(c => new { c.Category, c.DenialDate })
            .Select(g => new { g.Key.DenialDate, Count = g.Count(), Cents = g.Sum(c => (long)Math.Round((double)c.DeniedAmount * 100)) })
            .ToListAsync(ct);
        var buckets = rows
            .GroupBy(r => AgingBuckets.IndexOf(today.DayNumber - r.DenialDate.DayNumber))
            .ToDictionary(g => g.Key, g => (Count: g.Sum(r => r.Count), Cents: g.Sum(r => r.Cents)));
        return [.. AgingBuckets.Names.Select((name, i) => buckets.TryGetValue(i, out var b)
            ? new AgingBucketRow(name, b.Count, Cents.ToDollars(b.Cents))
            : new AgingBucketRow(name, 0, 0m))];
    }

    // Grouped by category, the leading column of the dashboard index, so SQLite aggregates while it
    // scans (a constant key would make it sort every row); the category totals are added here.
    private async Task<CaseTotals> CaseTotalsAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        var byCategory = await filter.Apply(db.DenialCases)
            .GroupBy(c => c.Category)
            .Select(g => new CaseTotals
            {
                Cases = g.Count(),
                DeniedCents = g.Sum(c => (long)Math.Round((double)c.DeniedAmount * 100)),
                AvoidableCases = g.Count(c => c.Avoidable),
                AvoidableCents = g.Sum(c => c.Avoidable ? (long)Math.Round((double)c.DeniedAmount * 100) : 0L),
                ResolvedCases = g.Count(c => CaseOutcomes.Resolved.Contains(c.Status)),
                RecoveredCents = g.Sum(c => (long)Math.Round((double)c.RecoveredAmount * 100)),
                WrittenOffCents = g.Sum(c => c.Status == DenialCaseStatus.WrittenOff
                    ? (long)Math.Round((double)c.DeniedAmount * 100) - (long)Math.Round((double)c.RecoveredAmount * 100) : 0L),
                AppealsDecided = g.Count(c => c.FirstAppealedAt != null && CaseOutcomes.AppealDecided.Contains(c.Status)),
                AppealsOverturned = g.Count(c => c.FirstAppealedAt != null && CaseOutcomes.Overturned.Contains(c.Status)),
                DecidedDeniedCents = g.Sum(c => c.FirstAppealedAt != null && CaseOutcomes.AppealDecided.Contains(c.Status)
                    ? (long)Math.Round((double)c.DeniedAmount * 100) : 0L),
                DecidedRecoveredCents = g.Sum(c => c.FirstAppealedAt != null && CaseOutcomes.AppealDecided.Contains(c.Status)
                    ? (long)Math.Round((double)c.RecoveredAmount * 100) : 0L),
                DeadlinesMissed = g.Count(c => c.DeadlineMissed),
            })
            .ToListAsync(ct);
        return byCategory.Aggregate(new CaseTotals(), (sum, c) => sum.Add(c));
    }

    private sealed class CaseTotals
    {
        public int Cases { get; init; }
        public long DeniedCents { get; init; }
        public int AvoidableCases { get; init; }
        public long AvoidableCents { get; init; }
        public int ResolvedCases { get; init; }
        public long RecoveredCents { get; init; }
        public long WrittenOffCents { get; init; }
        public int AppealsDecided { get; init; }
        public int AppealsOverturned { get; init; }
        public long DecidedDeniedCents { get; init; }
        public long DecidedRecoveredCents { get; init; }
        public int DeadlinesMissed { get; init; }

        public CaseTotals Add(CaseTotals o) => new()
        {
            Cases = Cases + o.Cases,
            DeniedCents = DeniedCents + o.DeniedCents,
            AvoidableCases = AvoidableCases + o.AvoidableCases,
            AvoidableCents = AvoidableCents + o.AvoidableCents,
            ResolvedCases = ResolvedCases + o.ResolvedCases,
            RecoveredCents = RecoveredCents + o.RecoveredCents,
            WrittenOffCents = WrittenOffCents + o.WrittenOffCents,
            AppealsDecided = AppealsDecided + o.AppealsDecided,
            AppealsOverturned = AppealsOverturned + o.AppealsOverturned,
            DecidedDeniedCents = DecidedDeniedCents + o.DecidedDeniedCents,
            DecidedRecoveredCents = DecidedRecoveredCents + o.DecidedRecoveredCents,
            DeadlinesMissed = DeadlinesMissed + o.DeadlinesMissed,
        };
    }
}

/// <summary>The aging buckets, in order, with the labels the page and exports show.</summary>
public static class AgingBuckets
{
    public static readonly IReadOnlyList<string> Names = ["0–30", "31–60", "61–90", "91–120", ">120"];

    /// <summary>The bucket of a case denied <paramref name="days"/> ago (a future date counts as 0–30).</summary>
    public static int IndexOf(int days) => days switch
    {
        <= 30 => 0,
        <= 60 => 1,
        <= 90 => 2,
        <= 120 => 3,
        _ => 4,
    };
}
