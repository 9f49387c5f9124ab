using Appeals.Core.Denials;
using Appeals.Workflows.Jobs;
using Appeals.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows.Tests.Jobs;

public class DeadlineSweepJobTests : IDisposable
{
    private readonly TestDatabase _test = new();
    private readonly FixedTime _time = FixedTime.At(2026, 6, 1);
    private readonly CountingNotifier _notifier = new();

    public void Dispose() => _test.Dispose();

    private async Task<long> CaseDue(DateOnly deadline, DenialCaseStatus status = DenialCaseStatus.InProgress, string pcn = "PCN-1")
    {
        var id = await _test.AddCaseAsync(payerClaimNumber: pcn);
        await using var db = _test.Open();
        await db.DenialCases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.AppealDeadline, deadline).SetProperty(c => c.Status, status)
            .SetProperty(c => c.DeadlineBasis, "test rule").SetProperty(c => c.Priority, 100m));
        return id;
    }

    private async Task<DeadlineSweepJob.Summary> Sweep()
    {
        await using var db = _test.Open();
        var jobs = new DeadlineJobs(db, _notifier, _time);
        return await new DeadlineSweepJob(db, jobs, Options.Create(new DeadlineOptions()), _time).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Sweep_SendsTheNearestDueReminderAndMarksPassedDeadlines_OnceOnly()
    {
        var soon = await CaseDue(new DateOnly(2026, 6, 6), pcn: "A");           // 5 days left: the 7-day reminder
        var passed = await CaseDue(new DateOnly(2026, 5, 29), pcn: "B");        // passed, nothing filed
        var submitted = await CaseDue(new DateOnly(2026, 5, 29), DenialCaseStatus.Appealed, pcn: "C");
        var far = await CaseDue(new DateOnly(2026, 9, 1), pcn: "D");

        var first = await Sweep();
        var second = await Sweep();

        Assert.Equal((1, 1), (first.Reminded, first.Missed));
        Assert.Equal((0, 0), (second.Reminded, second.Missed));
        Assert.Equal([(soon, 7)], _notifier.Sent);
        await using var db = _test.Open();
        var missed = await db.DenialCases.Where(c => c.DeadlineMissed).Select(c => new { c.Id, c.Priority }).ToListAsync();
        Assert.Equal(passed, Assert.Single(missed).Id);
        Assert.Equal(0m, missed[0].Priority);
        Assert.DoesNotContain(await db.DeadlineReminders.Select(r => r.DenialCaseId).ToListAsync(), x => x == far || x == submitted);
    }

    [Fact]
    public async Task Sweep_PlansDeadlinesThatWereNeverPlanned()
    {
        var id = await _test.AddCaseAsync();

        var summary = await Sweep();

        Assert.Equal(1, summary.Planned);
        await using var db = _test.Open();
        var denial = await db.DenialCases.SingleAsync(c => c.Id == id);
        Assert.NotNull(denial.AppealDeadline);
        Assert.Contains("29 CFR 2560.503-1", denial.DeadlineBasis);
    }

    [Fact]
    public async Task MarkMissed_BeforeTheDeadline_DoesNothing()
    {
        var id = await CaseDue(new DateOnly(2026, 6, 1));
        await using var db = _test.Open();

        Assert.False(await new DeadlineJobs(db, _notifier, _time).MarkMissedAsync(id, CancellationToken.None));
    }
}
