using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;
using Appeals.Core.TakeBacks;
using Appeals.Workflows.Outcomes;
using Appeals.Workflows.Routing;
using Appeals.Workflows.TakeBacks;
using Appeals.Workflows.Tests.Outcomes;
using Appeals.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appeals.Workflows.Tests.TakeBacks;

public sealed class TakeBackHandlerTests : IDisposable
{
    private readonly TestDatabase _test = new();

    public void Dispose() => _test.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ImportSummary> Import(string name, string x12)
    {
        var path = Path.Combine(_test.Folder, name);
        await File.WriteAllTextAsync(path, x12, Ct);
        await using var db = _test.Open();
        var importer = new RemittanceImporter(db, new DenialDetector(CarcCatalog.Shipped), TimeProvider.System, NullLogger<RemittanceImporter>.Instance,
            [new EraOutcomeHandler(WorkflowDefinitions.Shipped, TimeProvider.System), new TakeBackHandler(WorkflowDefinitions.Shipped, TimeProvider.System)]);
        var summary = await importer.ImportAsync([path], new ImportOptions(), ct: Ct);
        Assert.Empty(summary.Errors);
        return summary;
    }

    /// <summary>A remittance of the fixtures' payer that pays nothing new and takes money back through PLB pairs.</summary>
    private static string Offsets(string trace, params (string Reason, string Reference, decimal Amount)[] pairs)
    {
        var remittance = new Remittance
        {
            ContentHash = "", TransactionControlNumber = "0001", HandlingCode = "I", PaymentMethod = "ACH",
            PaymentDate = new DateOnly(2026, 5, 4), ProductionDate = new DateOnly(2026, 5, 4), TraceNumber = trace,
            Payer = new Payer { Identifier = "SYNPAYER1", Name = "SYNTHETIC HEALTH PLAN" }, PayeeName = "EXAMPLE CLINIC", PayeeIdentifier = "1999999984",
            Claims =
            [
                new ClaimPayment
                {
                    PatientControlNumber = "ACCT-999", StatusCode = 1, ChargeAmount = 80m, PaymentAmount = 80m, ClaimFilingIndicator = "CI",
                    PayerClaimControlNumber = "PCN555555", PatientLastName = "SYNTHETIC", PatientFirstName = "TESTB", MemberId = "SYN000002",
                    ServiceDateFrom = new DateOnly(2026, 4, 1), ServiceDateTo = new DateOnly(2026, 4, 1),
                    ServiceLines = [new ServiceLine { LineNumber = 1, ProcedureQualifier = "HC", ProcedureCode = "99213", ChargeAmount = 80m, PaidAmount = 80m }],
                },
            ],
            ProviderAdjustments = [.. pairs.Select(p => new ProviderAdjustment
                { ProviderIdentifier = "1999999984", FiscalPeriodDate = new DateOnly(2026, 12, 31), ReasonCode = p.Reason, ReferenceId = p.Reference, Amount = p.Amount })],
        };
        remittance.PaymentAmount = 80m - pairs.Sum(p => p.Amount);
        var text = new StringWriter();
        new Remittance835Writer(text).WriteInterchange([remittance]);
        return text.ToString();
    }

    [Fact]
    public async Task TakeBackNamingAClaimPaidOnAnEarlierEra_IsLinkedToItAndItsCase_OthersReportedUnlinked()
    {
        await Import("denial.835", EraFixtures.Denial());
        await Import("corrected.835", EraFixtures.ReversalAndCorrectedClaim());
        await using (var db = _test.Open())
        {
            // The specialist had appealed before the payer paid: the take-back is of money an appeal won.
            var c = await db.DenialCases.SingleAsync(Ct);
            c.MarkSubmitted(new DateTimeOffset(2026, 2, 20, 0, 0, 0, TimeSpan.Zero));
            await db.SaveChangesAsync(Ct);
            Assert.Equal((DenialCaseStatus.Recovered, 250m), (c.Status, c.RecoveredAmount));
        }

        var summary = await Import("offsets.835", Offsets("TRACE-9",
            ("WO", "PCN900002", 120.00m),   // overpayment recovery of the corrected claim's payment
            ("FB", "PCN-NOT-STORED", 15.00m),
            ("L6", "", -3.10m)));           // interest paid: not a take-back

        await using var check = _test.Open();
        var rows = await check.TakeBacks.AsNoTracking().OrderBy(t => t.Id).ToListAsync(Ct);
        Assert.Equal(2, rows.Count);
        var linked = rows[0];
        var denial = await check.DenialCases.AsNoTracking().SingleAsync(Ct);
        var corrected = await check.ClaimPayments.AsNoTracking().SingleAsync(c => c.PayerClaimControlNumber == "PCN900002" && c.StatusCode == 1, Ct);
        Assert.Equal(("WO", 120.00m, corrected.Id, denial.Id, TakeBackLinks.PayerClaimNumber), (linked.ReasonCode, linked.Amount, linked.ClaimPaymentId, linked.DenialCaseId, linked.Link));
        Assert.True(linked.RecoveredAfterAppeal);
        Assert.Equal(new DateOnly(2026, 5, 4), linked.TakenOn);
        Assert.Equal((null, null, TakeBackLinks.Unlinked, false), (rows[1].ClaimPaymentId, rows[1].DenialCaseId, rows[1].Link, rows[1].RecoveredAfterAppeal));
        Assert.Contains(summary.Warnings, w => w.Contains("1 of 2 take-back(s) (PLB FB) name no stored claim"));
        Assert.Contains(summary.Warnings, w => w.Contains($"take-back(s) on cases recovered after an appeal (cases {denial.Id})"));

        // Reopened (ADR 0105): back in the queue at its route's open state, with the taken-back amount, recovered net of it.
        Assert.Equal((RouteBuilder.Open, DenialCaseStatus.Open, (DateTimeOffset?)null), (denial.WorkflowState, denial.Status, denial.ClosedAt));
        Assert.Equal((120.00m, 130.00m), (denial.TakenBackAmount, denial.RecoveredAmount));
        Assert.Contains(summary.Warnings, w => w.Contains($"take-backs reopened 1 case(s) closed as recovered, back in the queue (cases {denial.Id})"));
        var move = await check.WorkflowTransitions.AsNoTracking().Where(t => t.DenialCaseId == denial.Id).OrderBy(t => t.Id).LastAsync(Ct);
        Assert.Equal(("overturned", RouteBuilder.Open, WorkflowTriggers.TakeBack, "system:take-back"), (move.FromState, move.ToState, move.Trigger, move.Actor));
        Assert.Contains($"PLB WO 120.00 (claim {corrected.Id}); 120.00 of the 250.00 recovered taken back", move.Reason);
        var audit = await check.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == Core.Audit.AuditActions.WorkflowMove, Ct);
        Assert.Equal(("system:take-back", denial.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (audit.UserName, audit.EntityId));
        Assert.Contains("take_back: overturned → open", audit.Details);
        Assert.True((await new Core.Audit.AuditLog(check, TimeProvider.System).VerifyAsync(Ct)).Intact);
    }

    [Fact]
    public async Task ReopenedCase_IsNotClosedAgainByThePaymentItLost_AndNoPersonCanReopenACase()
    {
        await Import("denial.835", EraFixtures.Denial());
        await Import("corrected.835", EraFixtures.ReversalAndCorrectedClaim());
        await Import("offsets.835", Offsets("TRACE-9", ("WO", "PCN900002", 120.00m)));
        long id;
        await using (var db = _test.Open())
        {
            id = (await db.DenialCases.SingleAsync(Ct)).Id;
            // The payer's later ERAs are revisited with the take-back netted out: 250 paid - 120 taken back is a partial recovery.
            Assert.Equal(1, await new EraOutcomes(db, WorkflowDefinitions.Shipped, TimeProvider.System).RecordAsync(
                (await db.Remittances.SingleAsync(r => r.TraceNumber == "TRACE-2", Ct)).Id, Ct));
        }

        await using var check = _test.Open();
        var denial = await check.DenialCases.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((130.00m, "partly_overturned", DenialCaseStatus.InProgress), (denial.RecoveredAmount, denial.WorkflowState, denial.Status));
        // A person cannot make the import's move, even a manager on a case closed as recovered.
        var closed = await check.DenialCases.SingleAsync(Ct);
        closed.RecordMove("overturned", DenialCaseStatus.Recovered, final: true, "partly_overturned", "test", "test", "", DateTimeOffset.UtcNow);
        var refused = await new CaseWorkflow(check, WorkflowDefinitions.Shipped, TimeProvider.System)
            .ApplyAsync(closed, WorkflowTriggers.TakeBack, new WorkflowActor("mgr", IsManager: true), "", Ct);
        Assert.Equal(WorkflowErrorCode.GuardFailed, refused.Error?.Code);
        Assert.Equal(id, closed.Id);
    }

    [Fact]
    public async Task TakeBackByPatientControlNumber_LinksWhenThePayerClaimNumberIsNotSent()
    {
        await Import("denial.835", EraFixtures.Denial());

        await Import("offsets.835", Offsets("TRACE-9", ("72", "ACCT-100", 20.00m)));

        await using var db = _test.Open();
        var row = await db.TakeBacks.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(TakeBackLinks.PatientControlNumber, row.Link);
        var denial = await db.DenialCases.SingleAsync(Ct);
        Assert.Equal(denial.Id, row.DenialCaseId);
        Assert.False(row.RecoveredAfterAppeal);
        // Nothing recovered yet: nothing to take back from, and an open case stays where it is.
        Assert.Equal((0m, DenialCaseStatus.Open, 0m), (denial.TakenBackAmount, denial.Status, denial.RecoveredAmount));
    }

    [Fact]
    public async Task RemittanceWithoutTakeBacks_RecordsNothing()
    {
        await Import("denial.835", EraFixtures.Denial());

        var summary = await Import("offsets.835", Offsets("TRACE-9", ("L6", "", -2.00m), ("WO", "PCN900001", -5.00m)));

        await using var db = _test.Open();
        Assert.False(await db.TakeBacks.AnyAsync(Ct));
        Assert.DoesNotContain(summary.Warnings, w => w.Contains("take-back"));
    }
}
