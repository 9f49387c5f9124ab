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
            [new EraOutcomeHandler(WorkflowDefinitions.Shipped, TimeProvider.System), new TakeBackHandler(TimeProvider.System)]);
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
        Assert.Equal(DenialCaseStatus.Recovered, denial.Status);
        Assert.True(linked.RecoveredAfterAppeal);
        Assert.Equal(new DateOnly(2026, 5, 4), linked.TakenOn);
        Assert.Equal((null, null, TakeBackLinks.Unlinked, false), (rows[1].ClaimPaymentId, rows[1].DenialCaseId, rows[1].Link, rows[1].RecoveredAfterAppeal));
        Assert.Contains(summary.Warnings, w => w.Contains("1 of 2 take-back(s) (PLB FB) name no stored claim"));
        Assert.Contains(summary.Warnings, w => w.Contains($"take-back(s) on cases recovered after an appeal (cases {denial.Id})"));
    }

    [Fact]
    public async Task TakeBackByPatientControlNumber_LinksWhenThePayerClaimNumberIsNotSent()
    {
        await Import("denial.835", EraFixtures.Denial());

        await Import("offsets.835", Offsets("TRACE-9", ("72", "ACCT-100", 20.00m)));

        await using var db = _test.Open();
        var row = await db.TakeBacks.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(TakeBackLinks.PatientControlNumber, row.Link);
        Assert.Equal((await db.DenialCases.SingleAsync(Ct)).Id, row.DenialCaseId);
        Assert.False(row.RecoveredAfterAppeal);
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
