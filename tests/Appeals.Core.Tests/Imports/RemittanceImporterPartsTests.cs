using Appeals.Core.Imports;
using Appeals.Core.Remittances;
using Appeals.Core.Tests.Builders;
using Microsoft.EntityFrameworkCore;
using static Appeals.Core.Tests.Builders.RemittanceBuilder;

namespace Appeals.Core.Tests.Imports;

/// <summary>
/// A transaction too large to hold is written part by part into one database transaction (ADR 0090): it stores what
/// the whole transaction stores, and all or nothing of it is kept when it is refused, duplicated or cut off.
/// </summary>
public class RemittanceImporterPartsTests
{
    private const int PartBytes = 1024; // a few claims a part
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A remittance of <paramref name="claims"/> claims, every third denied (CO-50), and a PLB.</summary>
    private static Remittance Large(string trace, int claims)
    {
        var remittance = Remittance(trace, Enumerable.Range(1, claims).Select(i => i % 3 == 0
            ? Claim($"{trace}-{i:D4}", status: 4, charge: 120m, paid: 0m, payerClaimNumber: $"{trace}N{i:D4}").WithLine("99213", 120m, 0m, ("CO", "50", 120m))
            : Claim($"{trace}-{i:D4}", charge: 120m, paid: 100m, payerClaimNumber: $"{trace}N{i:D4}").WithLine("99213", 120m, 100m, ("CO", "45", 20m))).ToArray());
        remittance.ProviderAdjustments.Add(new ProviderAdjustment { ProviderIdentifier = "1999999984", FiscalPeriodDate = new DateOnly(2026, 12, 31), ReasonCode = "WO", ReferenceId = $"{trace}-0001", Amount = 15m });
        return remittance;
    }

    [Fact]
    public async Task Import_InParts_StoresWhatTheWholeTransactionStores()
    {
        var inParts = await StoredAsync(PartBytes);
        var whole = await StoredAsync(null);

        Assert.Equal(whole, inParts);
        Assert.StartsWith("transactions 2, claims 301, lines 301, adjustments 300, cases 100,", inParts);

        static async Task<string> StoredAsync(int? partBytes)
        {
            await using var database = await TestDatabase.CreateAsync();
            var bed = new ImportBed(database) { PartBytes = partBytes };
            var summary = await bed.ImportAsync(bed.File("large.835", Large("TRACE1", 300), Remittance("TRACE2", Claim("SMALL-1", paid: 200m).WithLine("99213", 200m, 200m))));
            Assert.Empty(summary.Errors);
            await using var db = database.Open();
            var claims = await db.ClaimPayments.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.RemittanceId}:{c.PatientControlNumber}:{c.PaymentAmount}").ToListAsync(Ct);
            var cases = await db.DenialCases.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.ClaimPaymentId}:{c.DeniedAmount}").ToListAsync(Ct);
            var remittances = await db.Remittances.OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.ContentHash}:{r.PaymentAmount}").ToListAsync(Ct);
            var plbs = await db.ProviderAdjustments.Select(p => $"{p.RemittanceId}:{p.Amount}").ToListAsync(Ct);
            return $"transactions {summary.Transactions}, claims {summary.Claims}, lines {summary.ServiceLines}, adjustments {summary.Adjustments}, "
                + $"cases {summary.DenialCases}, denied {summary.DeniedAmount}, paid {summary.PaidAmount}\n"
                + string.Join(" ", remittances) + "\n" + string.Join(" ", plbs) + "\n" + string.Join(" ", claims) + "\n" + string.Join(" ", cases)
                + $"\nlines {await db.ServiceLines.CountAsync(Ct)} adjustments {await db.Adjustments.CountAsync(Ct)}";
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(PartBytes)]
    public async Task DryRun_CountsClaimsAsTheReaderEndsThem_AndReportsWhatTheImportStores(int? partBytes)
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database) { PartBytes = partBytes };
        // A reversal of a denied claim opens no case (DenialDetector.OpensCase), in a dry run as in an import.
        var file = bed.File("large.835", Large("TRACE1", 300), Remittance("TRACE2", Claim("SMALL-1", paid: 200m).WithLine("99213", 200m, 200m)),
            Remittance("TRACE3", Claim("REV-1", status: 22, charge: 120m, paid: 0m).WithLine("99213", 120m, 0m, ("CO", "50", 120m))));

        var dry = await bed.ImportAsync(new ImportOptions(DryRun: true), file);
        // The CLI's dry run: no database, no context, nothing hashed (ADR 0132, 0133); read whole, as the CLI reads.
        var withoutDatabase = await RemittanceImporter.ForDryRunWithoutDatabase(new Appeals.Core.Denials.DenialDetector(Appeals.Core.Denials.CarcCatalog.Shipped),
            TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<RemittanceImporter>.Instance)
            .ImportAsync([file], new ImportOptions(DryRun: true) { WithoutDatabase = true }, ct: Ct);
        var stored = await bed.ImportAsync(file);

        Assert.Equal(Reported(stored), Reported(dry));
        Assert.Equal(Reported(stored), Reported(withoutDatabase));
        Assert.StartsWith("transactions 3, claims 302, lines 302, adjustments 301, cases 100,", Reported(dry));
        await using var db = database.Open();
        Assert.Equal(stored.DenialCases, await db.DenialCases.CountAsync(Ct));

        static string Reported(Appeals.Core.Imports.ImportSummary s) =>
            $"transactions {s.Transactions}, claims {s.Claims}, lines {s.ServiceLines}, adjustments {s.Adjustments}, cases {s.DenialCases}, " +
            $"charged {s.ChargedAmount}, paid {s.PaidAmount}, denied {s.DeniedAmount}, errors {s.Errors.Count}, warnings {string.Join(" | ", s.Warnings)}";
    }

    [Fact]
    public async Task Import_InParts_AnErrorInALaterPartKeepsNothingOfThatTransactionAndTheRestGoesOn()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database) { PartBytes = PartBytes };
        var text = ToX12(Large("TRACE1", 200), Large("TRACE2", 5));
        var bad = text.IndexOf("CLP*TRACE1-0190*1*120*100", StringComparison.Ordinal);
        var file = bed.File("bad-late.835", text.Remove(bad, "CLP*TRACE1-0190*1*120*100".Length).Insert(bad, "CLP*TRACE1-0190*1*120*1O0"));

        var summary = await bed.ImportAsync(file);

        Assert.Equal((1, 5), (summary.Transactions, summary.Claims));
        var error = Assert.Single(summary.Errors);
        Assert.Equal(bad, error.Offset);
        await using var db = database.Open();
        Assert.Equal(["TRACE2"], await db.Remittances.Select(r => r.TraceNumber).ToListAsync(Ct));
        Assert.Equal(5, await db.ClaimPayments.CountAsync(Ct));
        Assert.Equal(1, await db.DenialCases.CountAsync(Ct));
        Assert.Equal(ImportStatus.PartiallyImported, (await db.ImportedFiles.SingleAsync(Ct)).Status);
    }

    [Fact]
    public async Task Import_InParts_TheSameLargeTransactionInAnotherFileIsADuplicate()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database) { PartBytes = PartBytes };
        await bed.ImportAsync(bed.File("first.835", Large("TRACE1", 120)));

        var again = await bed.ImportAsync(bed.File("again.835", Large("TRACE1", 120), Large("TRACE3", 4)));

        Assert.Equal((1, 0), (again.Transactions, again.Errors.Count));
        await using var db = database.Open();
        Assert.Equal(124, await db.ClaimPayments.CountAsync(Ct));
        // An anonymous type, not a tuple: PostgreSQL would return a tuple as one record column (the class runs there too).
        var counts = await db.ImportedFiles.Where(f => f.FileName == "again.835")
            .Select(f => new { f.TransactionsImported, f.TransactionsDuplicate, f.TransactionsRejected }).SingleAsync(Ct);
        Assert.Equal((1, 1, 0), (counts.TransactionsImported, counts.TransactionsDuplicate, counts.TransactionsRejected));
    }

    [Fact]
    public async Task Import_InParts_AFileThatEndsInsideTheLargeTransactionKeepsNothingOfIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database) { PartBytes = PartBytes };
        var text = ToX12(Remittance("TRACE0", Claim("SMALL-1", paid: 200m).WithLine("99213", 200m, 200m)), Large("TRACE1", 200));
        var file = bed.File("cut.835", text[..text.IndexOf("CLP*TRACE1-0150*", StringComparison.Ordinal)]);

        var summary = await bed.ImportAsync(file);

        Assert.Equal((1, 1), (summary.Transactions, summary.Claims));
        Assert.Contains(summary.Errors, e => e.Message.Contains("no SE", StringComparison.Ordinal));
        await using var db = database.Open();
        Assert.Equal(["TRACE0"], await db.Remittances.Select(r => r.TraceNumber).ToListAsync(Ct));
        Assert.Equal(1, await db.ClaimPayments.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_InParts_HandlersReadTheClaimsFromTheDatabase()
    {
        await using var database = await TestDatabase.CreateAsync();
        var handler = new ClaimsSeen();
        var bed = new ImportBed(database) { PartBytes = PartBytes };
        bed.Handlers.Add(handler);

        await bed.ImportAsync(bed.File("large.835", Large("TRACE1", 200), Remittance("TRACE2", Claim("SMALL-1", paid: 200m).WithLine("99213", 200m, 200m))));

        Assert.Equal([(false, 0, 200, 1), (true, 1, 1, 0)], handler.Seen);
    }

    private sealed class ClaimsSeen : IImportedRemittanceHandler
    {
        public List<(bool Held, int InMemory, int Stored, int ProviderAdjustments)> Seen { get; } = [];

        public async Task HandleAsync(ImportedRemittance imported, CancellationToken ct) =>
            Seen.Add((imported.ClaimsHeld, imported.Remittance.Claims.Count,
                await imported.Db.ClaimPayments.CountAsync(c => c.RemittanceId == imported.RemittanceId, ct), imported.Remittance.ProviderAdjustments.Count));
    }
}
