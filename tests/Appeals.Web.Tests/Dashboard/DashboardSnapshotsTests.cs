using Appeals.Analytics;
using Appeals.Analytics.Charts;
using Appeals.Analytics.Kpis;
using Appeals.Web.Dashboard;
using Appeals.Web.Formatting;

namespace Appeals.Web.Tests.Dashboard;

/// <summary>ADR 0082: one computation of a filter's figures serves everyone, and the page says how old they are.</summary>
public sealed class DashboardSnapshotsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 42, 5, TimeSpan.Zero);

    [Fact]
    public async Task ConcurrentRequests_ForOneFilter_ShareOneComputation()
    {
        var clock = new ManualClock(Start);
        var release = new TaskCompletionSource();
        var computed = 0;
        var snapshots = new DashboardSnapshots(async (filter, _) =>
        {
            Interlocked.Increment(ref computed);
            await release.Task;
            return Data(filter, clock.GetUtcNow());
        }, clock, new DashboardOptions { RefreshSeconds = 30 });

        var waiting = Enumerable.Range(0, 20).Select(_ => snapshots.GetAsync(AnalyticsFilter.None, Ct)).ToList();
        release.SetResult();
        var answers = await Task.WhenAll(waiting);

        Assert.Equal(1, computed);
        Assert.All(answers, a => Assert.Same(answers[0], a));
    }

    [Fact]
    public async Task FreshFigures_AreReused_StaleOnes_AreAnsweredOnceWhileRecomputed_ThenReplaced()
    {
        var clock = new ManualClock(Start);
        var computed = 0;
        var snapshots = new DashboardSnapshots((filter, _) =>
        {
            Interlocked.Increment(ref computed);
            return Task.FromResult(Data(filter, clock.GetUtcNow()));
        }, clock, new DashboardOptions { RefreshSeconds = 30 });

        var first = await snapshots.GetAsync(AnalyticsFilter.None, Ct);
        clock.Advance(TimeSpan.FromSeconds(29));
        var fresh = await snapshots.GetAsync(AnalyticsFilter.None, Ct);
        clock.Advance(TimeSpan.FromSeconds(2));
        var stale = await snapshots.GetAsync(AnalyticsFilter.None, Ct);
        var renewed = stale;
        for (var i = 0; i < 500 && ReferenceEquals(renewed, stale); i++)
        {
            await Task.Delay(10, Ct);
            renewed = await snapshots.GetAsync(AnalyticsFilter.None, Ct); // the stored figures until the recomputation lands
        }

        Assert.Same(first, fresh);
        Assert.Same(first, stale); // answered at once with what was stored, its age on the page
        Assert.Equal(2, computed);
        Assert.Equal(Start.AddSeconds(31), renewed.ComputedAt);
    }

    [Fact]
    public async Task EachFilter_HasItsOwnFigures()
    {
        var clock = new ManualClock(Start);
        var snapshots = new DashboardSnapshots((filter, _) => Task.FromResult(Data(filter, clock.GetUtcNow())), clock, new DashboardOptions());

        var all = await snapshots.GetAsync(AnalyticsFilter.None, Ct);
        var onePayer = await snapshots.GetAsync(new AnalyticsFilter(PayerId: 3), Ct);
        var samePayer = await snapshots.GetAsync(new AnalyticsFilter(PayerId: 3), Ct);

        Assert.Equal(AnalyticsFilter.None, all.Filter);
        Assert.Equal(3, onePayer.Filter.PayerId);
        Assert.Same(onePayer, samePayer);
    }

    [Fact]
    public async Task AFailedComputation_IsNotKept_TheNextRequestTriesAgain()
    {
        var clock = new ManualClock(Start);
        var calls = 0;
        var snapshots = new DashboardSnapshots((filter, _) => ++calls == 1
            ? Task.FromException<DashboardData>(new InvalidOperationException("database busy"))
            : Task.FromResult(Data(filter, clock.GetUtcNow())), clock, new DashboardOptions());

        await Assert.ThrowsAsync<InvalidOperationException>(() => snapshots.GetAsync(AnalyticsFilter.None, Ct));
        var second = await snapshots.GetAsync(AnalyticsFilter.None, Ct);

        Assert.Equal(2, calls);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task RefreshSecondsZero_ComputesOnEveryRequest()
    {
        var clock = new ManualClock(Start);
        var calls = 0;
        var snapshots = new DashboardSnapshots((filter, _) => { calls++; return Task.FromResult(Data(filter, clock.GetUtcNow())); },
            clock, new DashboardOptions { RefreshSeconds = 0 });

        await snapshots.GetAsync(AnalyticsFilter.None, Ct);
        await snapshots.GetAsync(AnalyticsFilter.None, Ct);

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task BeyondMaxFilters_TheLongestUnusedFilterIsDropped()
    {
        var clock = new ManualClock(Start);
        var calls = new Dictionary<long, int>();
        var snapshots = new DashboardSnapshots((filter, _) =>
        {
            lock (calls) calls[filter.PayerId!.Value] = calls.GetValueOrDefault(filter.PayerId!.Value) + 1;
            return Task.FromResult(Data(filter, clock.GetUtcNow()));
        }, clock, new DashboardOptions { MaxFilters = 2 });

        for (var payer = 1; payer <= 3; payer++)
        {
            await snapshots.GetAsync(new AnalyticsFilter(PayerId: payer), Ct);
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        await snapshots.GetAsync(new AnalyticsFilter(PayerId: 3), Ct);
        await snapshots.GetAsync(new AnalyticsFilter(PayerId: 1), Ct);

        Assert.Equal(1, calls[3]); // kept
        Assert.Equal(2, calls[1]); // dropped as the longest unused, so computed again
    }

    [Fact]
    public void FiguresAge_SaysWhenAndHowOften()
    {
        Assert.Equal("Figures computed at 10:42:05 UTC (12 s ago) for everyone viewing this filter; a visit that finds them older than 30 s has them recomputed.",
            Display.FiguresAge(Start, TimeSpan.FromSeconds(12.7), TimeSpan.FromSeconds(30)));
        Assert.Equal("Figures computed at 10:42:05 UTC for this page.", Display.FiguresAge(Start, TimeSpan.Zero, TimeSpan.Zero));
    }

    private static DashboardData Data(AnalyticsFilter filter, DateTimeOffset at) => new(filter, at, new KpiSummary
    {
        Filter = filter, AsOf = DateOnly.FromDateTime(at.UtcDateTime), AdjudicatedClaims = 0, ChargedAmount = 0, DenialCases = 0, DeniedAmount = 0,
        InitialDenialRateByCount = Kpi<double>.Of(0), InitialDenialRateByDollars = Kpi<double>.Of(0), AvoidableCases = 0, AvoidableAmount = 0,
        AvoidableShareByCount = Kpi<double>.Of(0), AvoidableShareByDollars = Kpi<double>.Of(0), ResolvedCases = 0,
        RecoveredAmount = Kpi<decimal>.NoOutcomesYet, WrittenOffAmount = Kpi<decimal>.NoOutcomesYet, AppealsDecided = 0, AppealsOverturned = 0,
        OverturnRateByCount = Kpi<double>.NoOutcomesYet, OverturnRateByDollars = Kpi<double>.NoOutcomesYet,
        AverageDaysToAppeal = Kpi<double>.NoOutcomesYet, AverageDaysToResolution = Kpi<double>.NoOutcomesYet, DeadlinesMissed = 0, OpenCasesByAge = [],
    }, new Dictionary<ChartKind, ChartData>(), [], []);

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
