using Appeals.Core.Contracts;
using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Workflows.Letters;
using Appeals.Workflows.Outcomes;
using Appeals.Workflows.Routing;
using Appeals.Workflows.Tests.Letters;
using Appeals.Workflows.Tests.Support;
using Appeals.Workflows.Underpayments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appeals.Workflows.Tests.Underpayments;

public sealed class UnderpaymentLetterTests : IDisposable
{
    private readonly TestDatabase _test = new();
    private readonly FixedTime _time = FixedTime.At(2026, 3, 10);

    public void Dispose() => _test.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<long> ShortPaidCaseAsync()
    {
        await using var db = _test.Open();
        await new ContractImporter(db, TimeProvider.System).ImportAsync(new StringReader(UnderpaymentFixtures.Contract), "contract.csv", "cli:test", Ct);
        var path = Path.Combine(_test.Folder, "short.835");
        await File.WriteAllTextAsync(path, UnderpaymentFixtures.ShortPaid(), Ct);
        var importer = new RemittanceImporter(db, new DenialDetector(CarcCatalog.Shipped), TimeProvider.System, NullLogger<RemittanceImporter>.Instance,
            [new EraOutcomeHandler(WorkflowDefinitions.Shipped, TimeProvider.System), new UnderpaymentHandler(TimeProvider.System)]);
        await importer.ImportAsync([path], new ImportOptions(), ct: Ct);
        return await db.DenialCases.Where(c => c.Kind == CaseKinds.Underpayment).Select(c => c.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task PaymentDispute_IsALetterWithTheContractClauseAndExpectedAgainstAllowedPerLine_SignedOffBeforeItIsSubmitted()
    {
        var id = await ShortPaidCaseAsync();
        await using var db = _test.Open();
        var workflow = new CaseWorkflow(db, WorkflowDefinitions.Shipped, _time);
        var letters = new CaseLetters(db, new LetterTemplateStore(db, LetterTemplateStore.DefaultFolder, _time), CaseLettersTests.Settings, _time);
        var specialist = new WorkflowActor("spec1");
        Assert.True((await workflow.FireAsync(id, WorkflowTriggers.Start, specialist, ct: Ct)).Succeeded);
        Assert.Equal(WorkflowErrorCode.GuardFailed, (await workflow.FireAsync(id, WorkflowTriggers.SignOff, specialist, ct: Ct)).Error?.Code);
        var denial = await db.DenialCases.Include(c => c.Payer).SingleAsync(c => c.Id == id, Ct);
        Assert.Equal((WorkflowRoutes.PaymentDispute, 2), (denial.WorkflowRoute, denial.WorkflowVersion));
        Assert.Equal(["Enclosures"], (await letters.NeedsAsync(denial, denial.Payer!.PayerType, Ct))!.Fields);

        var result = await letters.GenerateAsync(id, new Dictionary<string, string> { ["Enclosures"] = "Remittance advice; contract page 4" }, "spec1", ct: Ct);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(LetterKinds.UnderpaymentDispute, result.Letter!.Kind);
        var text = string.Join("\n", DocxBuilder.PartTexts(result.Letter.Content));
        // The fixture's contract: 99213 at 100.00; 97110 at 40.00, with GP at 36.00. Allowed 92.50 and 34.00.
        Assert.Contains("line 1: 99213 at $100.00 per unit, effective 2026-01-01; line 2: 97110 modifier GP at $36.00 per unit, effective 2026-01-01", text);
        Assert.Contains("line 1 99213: expected $100.00, allowed $92.50, short $7.50; line 2 97110-GP: expected $36.00, allowed $34.00, short $2.00", text);
        Assert.Contains("Shortfall: $9.50", text);
        Assert.Contains("Payment dispute (reconsideration of the amount paid)", text);
        Assert.DoesNotContain("Denial reason", text);

        Assert.True((await letters.SignOffAsync(result.Letter.Id, "spec1", Ct)).Succeeded);
        Assert.True((await workflow.FireAsync(id, WorkflowTriggers.SignOff, specialist, ct: Ct)).Succeeded);
        Assert.True((await workflow.FireAsync(id, WorkflowTriggers.Submit, specialist, ct: Ct)).Succeeded);
        await using var check = _test.Open();
        var submitted = await check.DenialCases.AsNoTracking().SingleAsync(c => c.Id == id, Ct);
        Assert.Equal(("submitted", DenialCaseStatus.Appealed), (submitted.WorkflowState, submitted.Status));
        Assert.NotNull(submitted.FirstAppealedAt);
    }
}
