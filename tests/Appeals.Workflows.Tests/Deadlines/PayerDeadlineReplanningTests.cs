using Appeals.Core.Audit;
using Appeals.Workflows.Deadlines;
using Appeals.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Tests.Deadlines;

public sealed class PayerDeadlineReplanningTests : IDisposable
{
    private readonly TestDatabase _test = new();

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task ALongerOverride_ReplansTheOpenCase_GivesBackAMissedDeadline_AndIsAudited()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await _test.AddCaseAsync(denialDate: new DateOnly(2026, 3, 2)); // commercial: 180 days, passed by September
        var time = FixedTime.At(2026, 9, 10);
        long payerId;
        await using (var setup = _test.Open())
        {
            var denial = await setup.DenialCases.SingleAsync(c => c.Id == id, ct);
            await new CaseDeadlinePlanner(setup, new AppealRuleBook(setup)).PlanAsync(denial, ct);
            setup.Entry(denial).Property(c => c.DeadlineMissed).CurrentValue = true;
            await setup.SaveChangesAsync(ct);
            payerId = denial.PayerId;
            Assert.Equal(new DateOnly(2026, 8, 28), denial.AppealDeadline);
        }
        await using var db = _test.Open();
        var jobs = new RecordingJobClient();
        var overrides = new PayerRuleOverrides(db, new AuditLog(db, time), new PayerDeadlineReplanning(db, time), jobs, time);

        var change = await overrides.SaveAsync(payerId, new PayerRuleInput
        {
            Level = 1, Name = "Internal appeal (contract)", DeadlineDays = 365, ClockStartsFrom = "date of the remittance", Citation = "Synthetic contract §4",
        }, "admin", ct);

        Assert.True(change.Succeeded);
        Assert.Equal((1, null), (change.Replanned, change.ReplanJobId));
        Assert.Empty(jobs.Created);
        await using var check = _test.Open();
        var after = await check.DenialCases.SingleAsync(c => c.Id == id, ct);
        Assert.Equal(new DateOnly(2027, 3, 2), after.AppealDeadline);
        Assert.False(after.DeadlineMissed);
        Assert.Contains("[payer override]", after.DeadlineBasis);
        var entry = await check.AuditEntries.SingleAsync(ct);
        Assert.Equal(("admin", AuditActions.PayerRuleChange), (entry.UserName, entry.Action));
        Assert.Contains("before: shipped", entry.Details);
        Assert.Contains("after: payer override 'Internal appeal (contract)', 365 days", entry.Details);
    }

    [Fact]
    public async Task AChangeForAPayerWithManyOpenCases_ReplansThemInABackgroundJob()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = FixedTime.At(2026, 9, 10);
        var first = await _test.AddCaseAsync(denialDate: new DateOnly(2026, 3, 2), payerClaimNumber: "PCN-1");
        await _test.AddCaseAsync(denialDate: new DateOnly(2026, 3, 2), payerClaimNumber: "PCN-2");
        await _test.AddCaseAsync(denialDate: new DateOnly(2026, 3, 2), payerClaimNumber: "PCN-3");
        long payerId;
        await using (var setup = _test.Open())
            payerId = (await setup.DenialCases.SingleAsync(c => c.Id == first, ct)).PayerId;
        var jobs = new RecordingJobClient();
        await using var db = _test.Open();
        var overrides = new PayerRuleOverrides(db, new AuditLog(db, time), new PayerDeadlineReplanning(db, time), jobs, time) { ReplanInRequestLimit = 2 };

        var change = await overrides.SaveAsync(payerId, new PayerRuleInput
        {
            Level = 1, Name = "Internal appeal (contract)", DeadlineDays = 365, ClockStartsFrom = "date of the remittance", Citation = "Synthetic contract §4",
        }, "admin", ct);

        Assert.Equal((0, 3, "job-1"), (change.Replanned, change.ReplanningInBackground, change.ReplanJobId));
        Assert.Contains("3 open cases are being re-planned in the background (job job-1)", change.ReplanSummary);
        var job = Assert.Single(jobs.Created);
        Assert.Equal((typeof(PayerDeadlineReplanning), nameof(PayerDeadlineReplanning.ReplanOpenCasesAsync)), (job.Type, job.Method.Name));
        Assert.Equal(payerId, job.Args[0]);
        await using (var check = _test.Open())
            Assert.All(await check.DenialCases.ToListAsync(ct), c => Assert.Null(c.AppealDeadline)); // nothing planned in the request

        await using (var worker = _test.Open())
            Assert.Equal(3, await new PayerDeadlineReplanning(worker, time).ReplanOpenCasesAsync(payerId, ct)); // what the job runs
        await using var after = _test.Open();
        Assert.All(await after.DenialCases.ToListAsync(ct), c => Assert.Equal(new DateOnly(2027, 3, 2), c.AppealDeadline));
    }
}
