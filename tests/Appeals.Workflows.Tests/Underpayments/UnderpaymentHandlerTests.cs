using Appeals.Core.Contracts;
using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Remittances;
using Appeals.Workflows.Outcomes;
using Appeals.Workflows.Routing;
using Appeals.Workflows.Tests.Support;
using Appeals.Workflows.Underpayments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows.Tests.Underpayments;

public class UnderpaymentHandlerTests : IDisposable
{
    private readonly TestDatabase _test = new();

    public void Dispose() => _test.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task LoadContract()
    {
        await using var db = _test.Open();
        await new ContractImporter(db, TimeProvider.System).ImportAsync(new StringReader(UnderpaymentFixtures.Contract), "contract.csv", "cli:test", Ct);
    }

    private async Task<ImportSummary> Import(string name, string x12, params IImportedRemittanceHandler[] handlers)
    {
        var path = Path.Combine(_test.Folder, name);
        await File.WriteAllTextAsync(path, x12, Ct);
        await using var db = _test.Open();
        IImportedRemittanceHandler[] all = handlers.Length > 0 ? handlers
            : [new EraOutcomeHandler(WorkflowDefinitions.Shipped, TimeProvider.System), new UnderpaymentHandler(TimeProvider.System)];
        var importer = new RemittanceImporter(db, new DenialDetector(CarcCatalog.Shipped), TimeProvider.System, NullLogger<RemittanceImporter>.Instance, all);
        var summary = await importer.ImportAsync([path], new ImportOptions(), ct: Ct);
        Assert.True(summary.Errors.Count == 0 && summary.Warnings.Count == 0, string.Join("; ", summary.Errors.Select(e => e.Message).Concat(summary.Warnings)));
        return summary;
    }

    private async Task<List<DenialCase>> Underpayments()
    {
        await using var db = _test.Open();
        return await db.DenialCases.AsNoTracking().Where(c => c.Kind == CaseKinds.Underpayment).OrderBy(c => c.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task ShortPaidClaim_OpensOneUnderpaymentCaseInTheQueue_ScoredByTheBaseRate()
    {
        await LoadContract();

        await Import("short.835", UnderpaymentFixtures.ShortPaid());

        var c = Assert.Single(await Underpayments());
        Assert.Equal((UnderpaymentFixtures.ClaimNumber, "ACCT-200"), (c.PayerClaimControlNumber, c.PatientControlNumber));
        Assert.Equal(UnderpaymentFixtures.Shortfall, c.ShortfallAmount);
        Assert.Equal(UnderpaymentFixtures.Shortfall, c.DeniedAmount);
        Assert.Equal((CaseKinds.UnderpaymentCategory, "contract", DenialCaseStatus.Open), (c.Category, c.PrimaryReason, c.Status));
        Assert.Equal("99213", c.ProcedureCode); // the line short 7.50, not the one short 2.00
        Assert.Equal(new DateOnly(2026, 2, 2), c.DenialDate);
        Assert.Equal(0.5, c.RecoveryProbability);
        Assert.Equal(4.75m, c.ExpectedRecovery);
        Assert.Equal(4.75m, c.Priority);
        Assert.Contains("base rate 50%", c.ScoreExplanation);
        Assert.Equal(WorkflowRoutes.PaymentDispute, WorkflowRoutes.For(c));
        await using var db = _test.Open();
        // The claim under the threshold opens nothing; the claim denied in full has its denial case only.
        Assert.Equal(2, await db.DenialCases.CountAsync(Ct));
        Assert.Equal(CaseKinds.Denial, (await db.DenialCases.SingleAsync(d => d.PayerClaimControlNumber == "PCN800010", Ct)).Kind);
    }

    [Fact]
    public async Task UnderpaymentPaidInFullOnALaterEra_ClosesTheCaseAsRecovered()
    {
        await LoadContract();
        await Import("short.835", UnderpaymentFixtures.ShortPaid());

        await Import("corrected.835", UnderpaymentFixtures.ReversalAndCorrectedClaim());

        var c = Assert.Single(await Underpayments()); // the corrected claim is paid at the contract: no second case
        Assert.Equal(UnderpaymentFixtures.Shortfall, c.RecoveredAmount); // 136.00 - 126.50
        Assert.Equal((WorkflowRoutes.PaymentDispute, "recovered", DenialCaseStatus.Recovered), (c.WorkflowRoute, c.WorkflowState, c.Status));
    }

    [Fact]
    public async Task PayerWithoutContract_OrNoContractsAtAll_OpensNothing()
    {
        await Import("short-nocontracts.835", UnderpaymentFixtures.ShortPaid());
        Assert.Empty(await Underpayments());

        await LoadContract();
        await Import("other.835", UnderpaymentFixtures.ShortPaidByAnotherPayer());

        Assert.Empty(await Underpayments());
    }

    [Fact]
    public async Task PerPayerThreshold_ReplacesTheDefault()
    {
        await LoadContract();
        var options = new UnderpaymentOptions { Payers = { [UnderpaymentFixtures.Payer] = new PayerThreshold { MinimumDollars = 10m } } };

        await Import("short.835", UnderpaymentFixtures.ShortPaid(), new UnderpaymentHandler(TimeProvider.System, Options.Create(options)));

        Assert.Empty(await Underpayments()); // 9.50 short: under this payer's $10
    }

    [Fact]
    public async Task RemittanceThatOpensNoDenialCase_StillOpensItsUnderpaymentCase()
    {
        await LoadContract();

        await Import("alone.835", UnderpaymentFixtures.ShortPaidAlone());

        var c = Assert.Single(await Underpayments());
        Assert.Equal((UnderpaymentFixtures.ClaimNumber, UnderpaymentFixtures.Shortfall, "99213"), (c.PayerClaimControlNumber, c.ShortfallAmount, c.ProcedureCode));
        await using var db = _test.Open();
        Assert.Equal(1, await db.DenialCases.CountAsync(Ct));
    }

    [Fact]
    public async Task RemittanceWrittenInParts_ComparedPartByPart_OpensTheSameCaseOnceWithItsLastPart()
    {
        await LoadContract();
        await Import("short.835", UnderpaymentFixtures.ShortPaid(), new EraOutcomeHandler(WorkflowDefinitions.Shipped, TimeProvider.System));
        Assert.Empty(await Underpayments());

        await using (var db = _test.Open())
        {
            // The stored claims as the importer holds a remittance's parts (ADR 0090): each part its own claims, one id.
            var stored = await db.Remittances.AsNoTracking().SingleAsync(Ct);
            var claims = await db.ClaimPayments.AsNoTracking().Include(c => c.ServiceLines).Include(c => c.Adjustments)
                .Where(c => c.RemittanceId == stored.Id).OrderBy(c => c.Id).ToListAsync(Ct);
            var denials = await db.DenialCases.AsNoTracking().ToListAsync(Ct);
            Remittance Part(params ClaimPayment[] held) => new()
            {
                Id = stored.Id, PayerId = stored.PayerId, PaymentDate = stored.PaymentDate, ContentHash = "", TransactionControlNumber = "0001", Claims = [.. held],
            };
            var handler = new UnderpaymentHandler(TimeProvider.System);
            var parts = new[] { Part(claims[0]), Part(claims[1]), Part(claims[2]) };
            foreach (var part in parts)
                (await handler.PrepareAsync(db, part, [.. denials.Where(d => part.Claims.Any(c => c.Id == d.ClaimPaymentId))], Ct))();
            var last = parts[^1];
            last.Claims = [];
            var c = Assert.Single(await handler.OpenAsync(db, last, Ct));
            Assert.Equal((UnderpaymentFixtures.ClaimNumber, UnderpaymentFixtures.Shortfall, "99213"), (c.PayerClaimControlNumber, c.ShortfallAmount, c.ProcedureCode));
            Assert.Empty(await handler.OpenAsync(db, last, Ct)); // found once, opened once
            await handler.HandleAsync(new ImportedRemittance(db, last, _ => { }) { ClaimsHeld = false }, Ct);
        }
    }

    [Fact]
    public async Task RemittanceRolledBack_WhatItFoundIsNotOpenedForTheNextOneGivenItsId()
    {
        await LoadContract();
        await Import("short.835", UnderpaymentFixtures.ShortPaid(), new EraOutcomeHandler(WorkflowDefinitions.Shipped, TimeProvider.System));

        await using (var db = _test.Open())
        {
            var stored = await db.Remittances.AsNoTracking().SingleAsync(Ct);
            var claims = await db.ClaimPayments.AsNoTracking().Include(c => c.ServiceLines).Include(c => c.Adjustments)
                .Where(c => c.RemittanceId == stored.Id).OrderBy(c => c.Id).ToListAsync(Ct);
            Remittance Written(List<ClaimPayment> held) => new()
            {
                Id = stored.Id, PayerId = stored.PayerId, PaymentDate = stored.PaymentDate, ContentHash = "", TransactionControlNumber = "0001", Claims = held,
            };
            var handler = new UnderpaymentHandler(TimeProvider.System);
            await using (var refused = await db.Database.BeginTransactionAsync(Ct))
            {
                (await handler.PrepareAsync(db, Written(claims), [], Ct))(); // finds the short-paid claim, then the transaction is rolled back
                await refused.RollbackAsync(Ct);
            }
            var next = Written([]); // SQLite gives the next remittance the same id
            await using (var stores = await db.Database.BeginTransactionAsync(Ct))
            {
                (await handler.PrepareAsync(db, next, [], Ct))();
                Assert.Empty(await handler.OpenAsync(db, next, Ct));
                await stores.CommitAsync(Ct);
            }
            await handler.HandleAsync(new ImportedRemittance(db, next, _ => { }), Ct);
        }

        Assert.Empty(await Underpayments());
    }

    [Fact]
    public async Task OpeningTheCasesFails_TheRemittanceStaysImported_AndTheHandlerIsReportedAsFailed()
    {
        await LoadContract();
        var path = Path.Combine(_test.Folder, "short.835");
        await File.WriteAllTextAsync(path, UnderpaymentFixtures.ShortPaid(), Ct);

        await using (var db = _test.Open())
        {
            IImportedRemittanceHandler[] handlers = [new EraOutcomeHandler(WorkflowDefinitions.Shipped, TimeProvider.System), new UnderpaymentHandler(new BrokenClock())];
            var importer = new RemittanceImporter(db, new DenialDetector(CarcCatalog.Shipped), TimeProvider.System, NullLogger<RemittanceImporter>.Instance, handlers);
            var summary = await importer.ImportAsync([path], new ImportOptions(), ct: Ct);

            Assert.Empty(summary.Errors);
            Assert.Contains(summary.Warnings, w => w.Contains("UnderpaymentHandler failed (InvalidOperationException)", StringComparison.Ordinal));
        }

        Assert.Empty(await Underpayments());
        await using var check = _test.Open();
        Assert.Equal(1, await check.Remittances.CountAsync(Ct));
        Assert.Equal(1, await check.DenialCases.CountAsync(Ct)); // the denial case of the same remittance is kept
    }

    /// <summary>A clock that fails when the handler stamps the cases it opens.</summary>
    private sealed class BrokenClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("clock broken");
    }

    [Fact]
    public async Task UnderpaymentCase_InsertedWithTheRemittance_IsNotAnsweredByThatRemittancesOwnOutcomes()
    {
        await LoadContract();

        // The same remittance pays the shortfall under the claim's number: its outcomes would close the case as recovered
        // if they revisited it. The case is opened after the outcomes in meaning (ADR 0143), as when it was inserted after them.
        await Import("short-and-paid.835", UnderpaymentFixtures.ShortPaidAndTheShortfallPaidBeside());

        var c = Assert.Single(await Underpayments());
        Assert.Equal((UnderpaymentFixtures.Shortfall, 0m, DenialCaseStatus.Open), (c.ShortfallAmount, c.RecoveredAmount, c.Status));
    }

    [Fact]
    public async Task UnderpaymentCase_InsertedWithTheRemittance_IsNoEarlierCaseForTheCasesItsOutcomesRevisit()
    {
        await LoadContract();
        await Import("denied-later.835", UnderpaymentFixtures.DeniedLater());

        // Its outcomes revisit the later denial (same claim number); the new underpayment case, dated before it, is not
        // linked as its earlier case by them (ADR 0143), as when it was inserted after them.
        await Import("short.835", UnderpaymentFixtures.ShortPaid());

        Assert.Single(await Underpayments());
        await using var db = _test.Open();
        var denial = await db.DenialCases.AsNoTracking().SingleAsync(d => d.Kind == CaseKinds.Denial && d.PayerClaimControlNumber == UnderpaymentFixtures.ClaimNumber, Ct);
        Assert.Null(denial.EarlierCaseId);
    }
}
