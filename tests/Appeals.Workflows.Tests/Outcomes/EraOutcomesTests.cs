using Appeals.Core.Denials;
using Appeals.Workflows.Outcomes;
using Appeals.Workflows.Routing;
using Appeals.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Tests.Outcomes;

public class EraOutcomesTests : IDisposable
{
    private readonly TestDatabase _test = new();

    public void Dispose() => _test.Dispose();

    private async Task Import(string name, string x12)
    {
        await using var db = _test.Open();
        await EraImport.RunAsync(db, _test.Folder, name, x12);
    }

    private async Task<DenialCase> TheCase()
    {
        await using var db = _test.Open();
        return await db.DenialCases.SingleAsync(c => c.PayerClaimControlNumber == EraFixtures.OriginalClaimNumber && c.DeniedAmount > 0);
    }

    [Fact]
    public async Task DenialThenCorrectedClaimThatPays_ClosesTheCaseAsOverturnedWithTheRecoveredAmount()
    {
        await Import("denial.835", EraFixtures.Denial());
        var opened = await TheCase();
        Assert.Equal((EraFixtures.Denied, DenialCaseStatus.Open), (opened.DeniedAmount, opened.Status));

        await Import("corrected.835", EraFixtures.ReversalAndCorrectedClaim());

        var closed = await TheCase();
        Assert.Equal(EraFixtures.Denied, closed.RecoveredAmount); // -50 reversal + 300 corrected
        Assert.Equal(("overturned", DenialCaseStatus.Recovered), (closed.WorkflowState, closed.Status));
        Assert.NotNull(closed.ClosedAt);
        await using var db = _test.Open();
        var last = await db.WorkflowTransitions.Where(t => t.DenialCaseId == closed.Id).OrderBy(t => t.Id).LastAsync();
        Assert.Equal(("paid", "system:era"), (last.Trigger, last.Actor));
        Assert.Contains("recovered 250.00 of 250.00", last.Reason);
    }

    [Fact]
    public async Task OppositeOrder_EndsTheSameAndImportingAgainChangesNothing()
    {
        await Import("corrected.835", EraFixtures.ReversalAndCorrectedClaim());
        await Import("denial.835", EraFixtures.Denial());
        var first = await TheCase();
        int transitions;
        await using (var db = _test.Open())
            transitions = await db.WorkflowTransitions.CountAsync();

        await Import("corrected-again.835", EraFixtures.ReversalAndCorrectedClaim());
        await Import("denial-again.835", EraFixtures.Denial());

        var again = await TheCase();
        Assert.Equal((EraFixtures.Denied, DenialCaseStatus.Recovered), (first.RecoveredAmount, first.Status));
        Assert.Equal((first.RecoveredAmount, first.Status, first.WorkflowState), (again.RecoveredAmount, again.Status, again.WorkflowState));
        await using var check = _test.Open();
        Assert.Equal(transitions, await check.WorkflowTransitions.CountAsync());
        Assert.Equal(1, await check.DenialCases.CountAsync(c => c.PayerClaimControlNumber == EraFixtures.OriginalClaimNumber && c.DeniedAmount > 0));
    }

    [Theory]
    [InlineData("original")]
    [InlineData("account")]
    public async Task PaymentImportedBeforeTheDenial_SharingOneKeyOnly_ClosesTheNewCase(string key)
    {
        // The denial's new case is passed over only when no stored claim but its own carries its keys (ADR 0144): here one
        // does, by REF*F8 naming its CLP07 or by its CLP01 alone, and was stored first.
        await Import("payment.835", EraFixtures.PaymentBy(key));
        await Import("denial.835", EraFixtures.Denial());

        var closed = await TheCase();
        Assert.Equal(DenialCaseStatus.Recovered, closed.Status);
        Assert.True(closed.RecoveredAmount >= EraFixtures.Denied, $"recovered {closed.RecoveredAmount}");
    }

    [Fact]
    public async Task CaseWhosePayerClaimNumberDiffersFromItsClaims_IsPaidByWhatItsClaimCarries()
    {
        // Matching reads claims by the cases' own numbers together with the cases' claims (LaterPayments): a claim whose
        // number is not its case's is read by its own number in one more statement.
        await Import("denial.835", EraFixtures.Denial());
        var opened = await TheCase();
        await using (var db = _test.Open())
            await db.DenialCases.Where(c => c.Id == opened.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.PayerClaimControlNumber, "NOT-THE-CLAIMS"),
                TestContext.Current.CancellationToken);

        await Import("corrected.835", EraFixtures.ReversalAndCorrectedClaim());

        await using var check = _test.Open();
        var closed = await check.DenialCases.SingleAsync(c => c.Id == opened.Id, TestContext.Current.CancellationToken);
        Assert.Equal((EraFixtures.Denied, DenialCaseStatus.Recovered), (closed.RecoveredAmount, closed.Status));
    }

    [Fact]
    public async Task HandlerRunTwice_ChangesNothingTheSecondTime()
    {
        await Import("denial.835", EraFixtures.Denial());
        await Import("corrected.835", EraFixtures.ReversalAndCorrectedClaim());
        await using var db = _test.Open();
        var remittanceId = await db.Remittances.Where(r => r.TraceNumber == "TRACE-2").Select(r => r.Id).SingleAsync();
        var before = await db.WorkflowTransitions.CountAsync();

        var changed = await new EraOutcomes(db, WorkflowDefinitions.Shipped, TimeProvider.System).RecordAsync(remittanceId, CancellationToken.None);

        Assert.Equal(0, changed);
        Assert.Equal(before, await db.WorkflowTransitions.CountAsync());
    }
}
