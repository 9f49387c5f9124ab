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
            denial.DeadlineMissed = true;
            await setup.SaveChangesAsync(ct);
            payerId = denial.PayerId;
            Assert.Equal(new DateOnly(2026, 8, 28), denial.AppealDeadline);
        }
        await using var db = _test.Open();
        var overrides = new PayerRuleOverrides(db, new AuditLog(db, time), new PayerDeadlineReplanning(db, time), time);

        var change = await overrides.SaveAsync(payerId, new PayerRuleInput
        {
            Level = 1, Name = "Internal appeal (contract)", DeadlineDays = 365, ClockStartsFrom = "date of the remittance", Citation = "Synthetic contract §4",
        }, "admin", ct);

        Assert.True(change.Succeeded);
        Assert.Equal(1, change.Replanned);
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
}
