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
        var claims = await filter.Apply(db.ClaimPayments)
            .GroupBy(c => 1)
            .Select(g => new { Count = g.Count(), ChargedCents = g.Sum(c => (long)Math.Round((double)c.ChargeAmount * 100)) })
            .SingleOrDefaultAsync(ct);
        var cases = await CaseTotalsAsync(filter, ct) ?? new CaseTotals();
        var durations = await new CaseDurationQueries(db).AveragesAsync(filter, ct);

        var charged = Cents.ToDollars(claims?.ChargedCents ?? 0);
        var denied = Cents.ToDollars(cases.DeniedCents);
        var avoidable = Cents.ToDollars(cases.AvoidableCents);
        var decidedDenied = Cents.ToDollars(cases.DecidedDeniedCents);
        return new KpiSummary
        {
            Filter = filter,
            AsOf = Today,
            AdjudicatedClaims = claims?.Count ?? 0,
            ChargedAmount = charged,
            DenialCases = cases.Cases,
            DeniedAmount = denied,
            InitialDenialRateByCount = Ratio.Of(cases.Cases, claims?.Count ?? 0, KpiMissing.NoData),
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
        DateOnly d30 = today.AddDays(-30), d60 = today.AddDays(-60), d90 = today.AddDays(-90), d120 = today.AddDays(-120);
        var rows = await filter.Apply(db.DenialCases)
            .Where(c => !CaseOutcomes.Resolved.Contains(c.Status))
            .GroupBy(c => c.DenialDate >= d30 ? 0 : c.DenialDate >= d60 ? 1 : c.DenialDate >= d90 ? 2 : c.DenialDate >= d120 ? 3 : 4)
            .Select(g => new { Bucket = g.Key, Count = g.Count(), Cents = g.Sum(c => (long)Math.Round((double)c.DeniedAmount * 100)) })
            .ToListAsync(ct);
        return AgingBuckets.Names
            .Select((name, i) => rows.FirstOrDefault(r => r.Bucket == i) is { } r
                ? new AgingBucketRow(name, r.Count, Cents.ToDollars(r.Cents))
                : new AgingBucketRow(name, 0, 0m))
            .ToList();
    }

    private Task<CaseTotals?> CaseTotalsAsync(AnalyticsFilter filter, CancellationToken ct) =>
        filter.Apply(db.DenialCases)
            .GroupBy(c => 1)
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
            .SingleOrDefaultAsync(ct);

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
    }
}

/// <summary>The aging buckets, in order, with the labels the page and exports show.</summary>
public static class AgingBuckets
{
    public static readonly IReadOnlyList<string> Names = ["0–30", "31–60", "61–90", "91–120", ">120"];
}
