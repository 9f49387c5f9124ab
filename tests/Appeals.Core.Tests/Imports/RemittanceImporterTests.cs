using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Appeals.Core.Tests.Builders;
using Microsoft.EntityFrameworkCore;
using static Appeals.Core.Tests.Builders.RemittanceBuilder;

namespace Appeals.Core.Tests.Imports;

public class RemittanceImporterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Remittance[] TwoClaims(string trace) =>
    [
        Remittance(trace,
            Claim("PCN-A", paid: 80m, charge: 200m, payerClaimNumber: trace + "-1")
                .WithLine("99213", 100m, 80m, ("CO", "45", 20m))
                .WithLine("97110", 100m, 0m, ("CO", "197", 100m)),
            Claim("PCN-B", paid: 150m, charge: 150m, payerClaimNumber: trace + "-2").WithLine("99214", 150m, 150m)),
    ];

    [Fact]
    public async Task Import_StoresEveryClaimLineAdjustmentAndDenialCase()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        var file = bed.File("era1.835", TwoClaims("TRACE1"));

        var summary = await bed.ImportAsync(file);

        Assert.Equal((1, 1, 0, 0), (summary.Files, summary.Imported, summary.Duplicates, summary.Rejected));
        Assert.Equal((1, 2, 3, 2, 1), (summary.Transactions, summary.Claims, summary.ServiceLines, summary.Adjustments, summary.DenialCases));
        Assert.Equal((100m, 350m, 230m), (summary.DeniedAmount, summary.ChargedAmount, summary.PaidAmount));
        await using var db = database.Open();
        var denial = await db.DenialCases.SingleAsync(Ct);
        var claim = await db.ClaimPayments.Include(c => c.Adjustments).SingleAsync(c => c.Id == denial.ClaimPaymentId, Ct);
        Assert.Equal("PCN-A", claim.PatientControlNumber);
        Assert.Equal(("authorization_referral", 100m, "97110"), (denial.Category, denial.DeniedAmount, denial.ProcedureCode));
        Assert.Single(claim.Adjustments, a => a is { IsDenial: true, Carc: "197", ServiceLineId: not null });
        Assert.Equal(ImportStatus.Imported, (await db.ImportedFiles.SingleAsync(Ct)).Status);
        Assert.Equal("DEMO HEALTH PLAN", (await db.Payers.SingleAsync(Ct)).Name);
    }

    [Fact]
    public async Task Import_SameFileTwice_AddsNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        var file = bed.File("era1.835", TwoClaims("TRACE1"));
        await bed.ImportAsync(file);

        var second = await bed.ImportAsync(file);

        Assert.Equal((1, 0, 0), (second.Duplicates, second.Imported, second.Transactions));
        await using var db = database.Open();
        Assert.Equal(1, await db.ImportedFiles.CountAsync(Ct));
        Assert.Equal(2, await db.ClaimPayments.CountAsync(Ct));
        Assert.Equal(1, await db.DenialCases.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_SameTransactionInAnotherFile_AddsNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        await bed.ImportAsync(bed.File("era1.835", TwoClaims("TRACE1")));
        var resent = bed.File("era1-resent.835", [.. TwoClaims("TRACE1"), .. TwoClaims("TRACE2")]);

        var summary = await bed.ImportAsync(resent);

        Assert.Equal((1, 1), (summary.Imported, summary.Transactions));
        await using var db = database.Open();
        Assert.Equal(2, await db.Remittances.CountAsync(Ct));
        var file = await db.ImportedFiles.SingleAsync(f => f.FileName == "era1-resent.835", Ct);
        Assert.Equal((1, 1, 0), (file.TransactionsImported, file.TransactionsDuplicate, file.TransactionsRejected));
    }

    [Fact]
    public async Task Import_BatchWithOneBadFile_StoresTheOthers_AndRecordsTheBadOneWithItsLocatedErrorAndBytes()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        var good1 = bed.File("a-good.835", TwoClaims("TRACE1"));
        var bad = bed.File("b-bad.835", "this is not an 835");
        var good2 = bed.File("c-good.835", TwoClaims("TRACE2"));

        var summary = await bed.ImportAsync(good1, bad, good2);

        Assert.Equal((3, 2, 1), (summary.Files, summary.Imported, summary.Rejected));
        Assert.Equal(4, summary.Claims);
        var error = Assert.Single(summary.Errors);
        Assert.Equal(("b-bad.835", 0L), (error.File, error.Offset));
        Assert.NotEmpty(error.Message);
        await using var db = database.Open();
        var record = await db.ImportedFiles.Include(f => f.Messages).SingleAsync(f => f.FileName == "b-bad.835", Ct);
        Assert.Equal(ImportStatus.Rejected, record.Status);
        Assert.Equal("this is not an 835"u8.ToArray(), record.OriginalBytes);
        var message = Assert.Single(record.Messages);
        Assert.Equal((ImportSeverity.Error, error.Segment), (message.Severity, message.SegmentNumber));
        Assert.Equal(4, await db.ClaimPayments.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_TransactionWithAnError_RefusesOnlyThatTransaction()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        var text = RemittanceBuilder.ToX12([.. TwoClaims("TRACE1"), .. TwoClaims("TRACE2"), .. TwoClaims("TRACE3")]);
        var badClaim = "CLP*PCN-A*1*200*80**CI*TRACE2-1";
        Assert.Contains(badClaim, text);
        var offset = text.IndexOf(badClaim, StringComparison.Ordinal);
        var file = bed.File("mixed.835", text.Replace(badClaim, "CLP*PCN-A*1*200*ABC**CI*TRACE2-1", StringComparison.Ordinal));

        var summary = await bed.ImportAsync(file);

        Assert.Equal((1, 2, 4), (summary.Rejected, summary.Transactions, summary.Claims));
        var error = Assert.Single(summary.Errors);
        Assert.Equal(("mixed.835", (long)offset), (error.File, error.Offset));
        Assert.Contains("CLP04", error.Message);
        await using var db = database.Open();
        var record = await db.ImportedFiles.Include(f => f.Messages).SingleAsync(Ct);
        Assert.Equal((ImportStatus.PartiallyImported, 2, 1), (record.Status, record.TransactionsImported, record.TransactionsRejected));
        Assert.NotNull(record.OriginalBytes);
        var message = Assert.Single(record.Messages, m => m.Severity == ImportSeverity.Error);
        Assert.Equal(("CLP", "CLP04", (long)offset), (message.SegmentId, message.Field, message.ByteOffset));
        Assert.Equal(2, await db.Remittances.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_Reversal_IsLinkedToTheClaimItReverses_AndOpensNoCase()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        await bed.ImportAsync(bed.File("original.835", TwoClaims("TRACE1")));
        var reversal = bed.File("reversal.835",
            Remittance("TRACE9",
                Claim("PCN-A", status: 22, charge: -200m, paid: -80m, payerClaimNumber: "TRACE1-1")
                    .WithLine("97110", -100m, 0m, ("CO", "197", -100m)),
                Claim("PCN-A", status: 1, charge: 200m, paid: 200m, payerClaimNumber: "TRACE1-1B").WithLine("97110", 200m, 200m)));

        var summary = await bed.ImportAsync(reversal);

        Assert.Equal((2, 0), (summary.Claims, summary.DenialCases));
        await using var db = database.Open();
        var original = await db.ClaimPayments.SingleAsync(c => c.PayerClaimControlNumber == "TRACE1-1" && c.StatusCode == 1, Ct);
        var reversed = await db.ClaimPayments.SingleAsync(c => c.StatusCode == 22, Ct);
        Assert.Equal(original.Id, reversed.ReversesClaimPaymentId);
        Assert.Equal(1, await db.DenialCases.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_ReversalWithoutPayerClaimNumber_IsLinkedByPatientControlNumberAndServiceDates()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        await bed.ImportAsync(bed.File("original.835", Remittance("TRACE1", Claim("PCN-Z", paid: 50m).WithLine("99213", 200m, 50m, ("CO", "45", 150m)))));
        var reversal = bed.File("reversal.835",
            Remittance("TRACE2", Claim("PCN-Z", status: 22, charge: -200m, paid: -50m).WithLine("99213", -200m, -50m, ("CO", "45", -150m))));

        await bed.ImportAsync(reversal);

        await using var db = database.Open();
        var original = await db.ClaimPayments.SingleAsync(c => c.StatusCode == 1, Ct);
        var reversed = await db.ClaimPayments.SingleAsync(c => c.StatusCode == 22, Ct);
        Assert.Equal(original.Id, reversed.ReversesClaimPaymentId);
    }

    [Fact]
    public async Task Import_OfAnInterruptedFile_ResumesWithoutStoringTwice()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        var first = bed.File("part.835", TwoClaims("TRACE1"));
        await bed.ImportAsync(first);
        var whole = bed.File("whole.835", [.. TwoClaims("TRACE1"), .. TwoClaims("TRACE2")]);
        await using (var db = database.Open())
        {
            // As if an import of whole.835 stopped after its first transaction.
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await System.IO.File.ReadAllBytesAsync(whole, Ct)));
            db.ImportedFiles.Add(new ImportedFile { FileName = "whole.835", ContentHash = hash, Status = ImportStatus.Importing });
            await db.SaveChangesAsync(Ct);
        }

        var summary = await bed.ImportAsync(whole);

        Assert.Equal((1, 0, 1), (summary.Imported, summary.Duplicates, summary.Transactions));
        await using var check = database.Open();
        Assert.Equal(2, await check.Remittances.CountAsync(Ct));
        var record = await check.ImportedFiles.SingleAsync(f => f.FileName == "whole.835", Ct);
        Assert.Equal((ImportStatus.Imported, 1, 1), (record.Status, record.TransactionsImported, record.TransactionsDuplicate));
    }

    [Fact]
    public async Task DryRun_WritesNothing_ButCountsWhatWouldBeStored()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        var file = bed.File("era1.835", TwoClaims("TRACE1"));

        var summary = await bed.ImportAsync(new ImportOptions(DryRun: true), file);

        Assert.Equal((1, 2, 1, 100m), (summary.Transactions, summary.Claims, summary.DenialCases, summary.DeniedAmount));
        await using var db = database.Open();
        Assert.Equal(0, await db.ImportedFiles.CountAsync(Ct));
        Assert.Equal(0, await db.Remittances.CountAsync(Ct));
        Assert.Equal(0, await db.Payers.CountAsync(Ct));
    }

    [Fact]
    public async Task DryRun_WithoutDatabase_NeverConnects_AndStillCountsAndDetects()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        var file = bed.File("era1.835", TwoClaims("TRACE1"));
        var nowhere = Path.Combine(Path.GetDirectoryName(file)!, "no-such-folder", "appeals.db");
        await using var db = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, $"Data Source={nowhere}", Appeals.Core.Privacy.PhiKeyRing.Ephemeral());

        var summary = await bed.Importer(db).ImportAsync([file], new ImportOptions(DryRun: true) { WithoutDatabase = true }, ct: Ct);

        Assert.Equal((1, 2, 1, 100m, 0), (summary.Transactions, summary.Claims, summary.DenialCases, summary.DeniedAmount, summary.Errors.Count));
        Assert.False(Directory.Exists(Path.GetDirectoryName(nowhere)), "a connection would have needed the folder");
        await Assert.ThrowsAsync<ArgumentException>(() => bed.Importer(db).ImportAsync([file], new ImportOptions { WithoutDatabase = true }, ct: Ct));
    }

    [Fact]
    public async Task DryRunImporter_WithoutDatabase_RunsOnlyADryRunWithoutDatabase()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        var file = bed.File("era1.835", TwoClaims("TRACE1"));
        var importer = RemittanceImporter.ForDryRunWithoutDatabase(new DenialDetector(CarcCatalog.Shipped), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<RemittanceImporter>.Instance);

        var summary = await importer.ImportAsync([file], new ImportOptions(DryRun: true) { WithoutDatabase = true }, ct: Ct);

        Assert.Equal((1, 2, 1, 100m, 0), (summary.Transactions, summary.Claims, summary.DenialCases, summary.DeniedAmount, summary.Errors.Count));
        await Assert.ThrowsAsync<InvalidOperationException>(() => importer.ImportAsync([file], new ImportOptions(DryRun: true), ct: Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => importer.ImportAsync([file], new ImportOptions(), ct: Ct));
    }

    [Fact]
    public async Task Import_RunsEveryHandler_AfterEachCommittedTransaction()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        var handler = new RecordingHandler();
        bed.Handlers.Add(handler);

        await bed.ImportAsync(bed.File("era.835", [.. TwoClaims("TRACE1"), .. TwoClaims("TRACE2")]));

        Assert.Equal(2, handler.SeenClaims.Count);
        Assert.All(handler.SeenClaims, claims => Assert.Equal(2, claims));
    }

    [Fact]
    public async Task Import_MissingPath_IsRejectedWithoutStoppingTheBatch()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        var good = bed.File("good.835", TwoClaims("TRACE1"));

        var summary = await bed.ImportAsync(database.PathFor("missing.835"), good);

        Assert.Equal((2, 1, 1), (summary.Files, summary.Imported, summary.Rejected));
    }

    private sealed class RecordingHandler : IImportedRemittanceHandler
    {
        public List<int> SeenClaims { get; } = [];

        public async Task HandleAsync(ImportedRemittance imported, CancellationToken ct) =>
            SeenClaims.Add(await imported.Db.ClaimPayments.CountAsync(c => c.RemittanceId == imported.RemittanceId, ct));
    }
}
