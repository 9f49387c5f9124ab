using Appeals.Analytics.Rollups;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Analytics.Kpis;

/// <summary>Computes the headline KPIs in the database with grouped queries over the dashboard rollups (ADR 0052); only totals come back.</summary>
public sealed class KpiQueries(AppealsDbContext db, TimeProvider time)
{
    private readonly DashboardSource _source = new(db);

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<KpiSummary> SummaryAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        var claims = await _source.ClaimTotalsAsync(filter, ct);
        var cases = await CaseTotalsAsync(filter, ct);

        var charged = Cents.ToDollars(claims.ChargeCents);
        var denied = Cents.ToDollars(cases.DeniedCents);
        var avoidable = Cents.ToDollars(cases.AvoidableCents);
        var decidedDenied = Cents.ToDollars(cases.DecidedDeniedCents);
        return new KpiSummary
        {
            Filter = filter,
            AsOf = Today,
            AdjudicatedClaims = (int)claims.Claims,
            ChargedAmount = charged,
            DenialCases = (int)cases.Cases,
            DeniedAmount = denied,
            InitialDenialRateByCount = Ratio.Of(cases.Cases, claims.Claims, KpiMissing.NoData),
            InitialDenialRateByDollars = Ratio.Of(denied, charged, KpiMissing.NoData),
            AvoidableCases = (int)cases.AvoidableCases,
            AvoidableAmount = avoidable,
            AvoidableShareByCount = Ratio.Of(cases.AvoidableCases, cases.Cases, KpiMissing.NoData),
            AvoidableShareByDollars = Ratio.Of(avoidable, denied, KpiMissing.NoData),
            ResolvedCases = (int)cases.ResolvedCases,
            RecoveredAmount = cases.ResolvedCases == 0 && cases.RecoveredCents == 0
                ? Kpi<decimal>.NoOutcomesYet : Kpi<decimal>.Of(Cents.ToDollars(cases.RecoveredCents)),
            WrittenOffAmount = cases.ResolvedCases == 0
                ? Kpi<decimal>.NoOutcomesYet : Kpi<decimal>.Of(Cents.ToDollars(cases.WrittenOffCents)),
            AppealsDecided = (int)cases.AppealsDecided,
            AppealsOverturned = (int)cases.AppealsOverturned,
            OverturnRateByCount = Ratio.Of(cases.AppealsOverturned, cases.AppealsDecided, KpiMissing.NoOutcomesYet),
            OverturnRateByDollars = cases.AppealsDecided == 0
                ? Kpi<double>.NoOutcomesYet : Ratio.Of(Cents.ToDollars(cases.DecidedRecoveredCents), decidedDenied, KpiMissing.NoOutcomesYet),
            AverageDaysToAppeal = AverageDays(cases.AppealSeconds, cases.AppealedCases),
            AverageDaysToResolution = AverageDays(cases.ResolutionSeconds, cases.TimedResolutions),
            DeadlinesMissed = (int)(cases.DeadlinesMissed + await PassedNotYetMarkedAsync(filter, ct)),
            OpenCasesByAge = await AgingAsync(filter, ct),
        };
    }

    /// <summary>Open cases by days since the denial date: 0–30, 31–60, 61–90, 91–120, over 120.</summary>
    public async Task<IReadOnlyList<AgingBucketRow>> AgingAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        var today = Today;
        // The buckets move with today, so the rollup keeps open cases per denial day and the few
        // hundred days fall into buckets here.
        var rows = await _source.Days(filter)
            .Where(r => r.OpenCases > 0)
            .GroupBy(r => r.DenialDate)
            .Select(g => new { DenialDate = g.Key, Count = g.Sum(r => r.OpenCases), Cents = g.Sum(r => r.OpenDeniedCents) })
            .ToListAsync(ct);
        var buckets = rows
            .GroupBy(r => AgingBuckets.IndexOf(today.DayNumber - r.DenialDate.DayNumber))
            .ToDictionary(g => g.Key, g => (Count: g.Sum(r => r.Count), Cents: g.Sum(r => r.Cents)));
        return [.. AgingBuckets.Names.Select((name, i) => buckets.TryGetValue(i, out var b)
            ? new AgingBucketRow(name, (int)b.Count, Cents.ToDollars(b.Cents))
            : new AgingBucketRow(name, 0, 0m))];
    }

    /// <summary>
    /// Cases still awaiting filing whose deadline passed since the daily sweep last marked missed ones: the queue shows
    /// them as passed at once, so the dashboard counts them at once too.
    /// </summary>
    private Task<int> PassedNotYetMarkedAsync(AnalyticsFilter filter, CancellationToken ct) =>
        filter.Apply(db.DenialCases.AsNoTracking().PassedNotYetMarked(Today)).CountAsync(ct);

    private static Kpi<double> AverageDays(long seconds, long count) =>
        count > 0 ? Kpi<double>.Of(seconds / 86400d / count) : Kpi<double>.NoOutcomesYet;

    // Per category (a few groups), added here: the totals of every rollup row in the filter.
    private async Task<CaseTotals> CaseTotalsAsync(AnalyticsFilter filter, CancellationToken ct)
    {
        var byCategory = await _source.Days(filter)
            .GroupBy(r => r.Category)
            .Select(g => new CaseTotals
            {
                Cases = g.Sum(r => r.Cases),
                DeniedCents = g.Sum(r => r.DeniedCents),
                AvoidableCases = g.Sum(r => r.AvoidableCases),
                AvoidableCents = g.Sum(r => r.AvoidableCents),
                ResolvedCases = g.Sum(r => r.ResolvedCases),
                RecoveredCents = g.Sum(r => r.RecoveredCents),
                WrittenOffCents = g.Sum(r => r.WrittenOffCents),
                AppealsDecided = g.Sum(r => r.AppealsDecided),
                AppealsOverturned = g.Sum(r => r.AppealsOverturned),
                DecidedDeniedCents = g.Sum(r => r.DecidedDeniedCents),
                DecidedRecoveredCents = g.Sum(r => r.DecidedRecoveredCents),
                DeadlinesMissed = g.Sum(r => r.DeadlinesMissed),
                AppealedCases = g.Sum(r => r.AppealedCases),
                AppealSeconds = g.Sum(r => r.AppealSeconds),
                TimedResolutions = g.Sum(r => r.TimedResolutions),
                ResolutionSeconds = g.Sum(r => r.ResolutionSeconds),
            })
            .ToListAsync(ct);
        return byCategory.Aggregate(new CaseTotals(), (sum, c) => sum.Add(c));
    }

    private sealed class CaseTotals
    {
        public long Cases { get; init; }
        public long DeniedCents { get; init; }
        public long AvoidableCases { get; init; }
        public long AvoidableCents { get; init; }
        public long ResolvedCases { get; init; }
        public long RecoveredCents { get; init; }
        public long WrittenOffCents { get; init; }
        public long AppealsDecided { get; init; }
        public long AppealsOverturned { get; init; }
        public long DecidedDeniedCents { get; init; }
        public long DecidedRecoveredCents { get; init; }
        public long DeadlinesMissed { get; init; }
        public long AppealedCases { get; init; }
        public long AppealSeconds { get; init; }
        public long TimedResolutions { get; init; }
        public long ResolutionSeconds { get; init; }

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
            AppealedCases = AppealedCases + o.AppealedCases,
            AppealSeconds = AppealSeconds + o.AppealSeconds,
            TimedResolutions = TimedResolutions + o.TimedResolutions,
            ResolutionSeconds = ResolutionSeconds + o.ResolutionSeconds,
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
