using Appeals.Core.Imports;
using Appeals.Core.Remittances;
using Appeals.Core.Rollups;
using Appeals.Core.Tests.Builders;
using Appeals.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using static Appeals.Core.Tests.Builders.RemittanceBuilder;

namespace Appeals.Core.Tests.PostgreSql;

/// <summary>
/// On PostgreSQL a file's transactions are written two at a time, on two connections (ADR 0136): each stays all or
/// nothing, a refused one in the middle of the pipeline leaves nothing of itself and stops nothing else, and what a
/// transaction reads (reversal links, duplicates, the payer) and what the handlers see is what one-at-a-time writing gives.
/// </summary>
public sealed class ImportLanesOnPostgreSqlTests : IRunsOnPostgreSql
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Transactions T001.. of one new payer, 20 claims each (T001-01..), every other claim denied.</summary>
    private static Remittance[] Transactions(int count) => SeveralWritersOnPostgreSqlTests.Transactions("T", count);

    /// <summary>
    /// Records, for each remittance handed to it, how many remittances its context sees stored, and which context it got:
    /// handlers run one at a time in file order, after their own commit and before any later transaction's.
    /// </summary>
    private sealed class SeeingHandler : IImportedRemittanceHandler
    {
        public List<(string Trace, int Stored)> Seen { get; } = [];
        public HashSet<object> Contexts { get; } = new(ReferenceEqualityComparer.Instance);

        public async Task HandleAsync(ImportedRemittance imported, CancellationToken ct)
        {
            Contexts.Add(imported.Db);
            Seen.Add((imported.Remittance.TraceNumber, await imported.Db.Remittances.CountAsync(ct)));
        }
    }

    [Fact]
    public async Task Lanes_ARefusedTransactionInTheMiddle_KeepsNothingOfItself_AndEveryOtherIsStoredAndHandledInOrder()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            // The database refuses transaction 6 at its fifth claim, halfway through its claims' COPY.
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'refused for the test' USING ERRCODE = 'check_violation'; END $$;
                CREATE TRIGGER test_refuse BEFORE INSERT ON "ClaimPayments" FOR EACH ROW
                  WHEN (NEW."PatientControlNumber" = 'T006-05') EXECUTE FUNCTION test_refuse();
                """, Ct);
        }
        var handler = new SeeingHandler();
        var bed = new ImportBed(database) { Handlers = { handler } };

        var summary = await bed.ImportAsync(bed.File("lanes.835", Transactions(12)));

        Assert.Equal((1, 11, 220, 110), (summary.PartlyImported, summary.Transactions, summary.Claims, summary.DenialCases));
        Assert.Contains("Transaction", Assert.Single(summary.Errors).Message);
        await using var check = database.Open();
        Assert.Equal(11, await check.Remittances.CountAsync(Ct));
        Assert.Equal(0, await check.Remittances.CountAsync(r => r.TraceNumber == "T006", Ct));
        Assert.Equal(0, await check.ClaimPayments.CountAsync(c => c.PatientControlNumber.StartsWith("T006"), Ct));
        Assert.Equal(0, await check.DenialCases.CountAsync(c => c.PatientControlNumber.StartsWith("T006"), Ct));
        Assert.Equal(220, await check.ServiceLines.CountAsync(Ct));
        Assert.Equal(1, await check.Payers.CountAsync(Ct));
        Assert.Empty(await RollupCheck.DifferencesAsync(check, Ct));
        // Both connections wrote, the handlers ran in file order, and each saw exactly the transactions before it and itself.
        Assert.Equal(2, handler.Contexts.Count);
        var stored = Enumerable.Range(1, 12).Where(t => t != 6).Select(t => $"T{t:D3}").ToList();
        Assert.Equal(stored.Select((trace, i) => (trace, i + 1)), handler.Seen);
    }

    [Fact]
    public async Task Lanes_AReversalOfTheTransactionJustBefore_IsLinked_AndARepeatedTransactionIsADuplicate()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        var transactions = Transactions(4).ToList();
        // Transaction 5 reverses a claim of transaction 4, which the other lane may still be writing; 6 repeats 5.
        var reversal = Remittance("R005", "NEWPAYER",
            Claim("T004-01", status: 22, charge: -120m, paid: -100m, payerClaimNumber: "TN00401").WithLine("99213", -120m, -100m, ("CO", "45", -20m)));
        transactions.Add(reversal);
        transactions.Add(reversal);
        transactions.AddRange(Transactions(8).Skip(6).Select(t => Remittance($"L{t.TraceNumber}", "NEWPAYER", [.. t.Claims])));

        // The repeat is the same bytes from ST to SE: its control number too.
        var text = ToX12([.. transactions]).Replace("ST*835*0006*", "ST*835*0005*", StringComparison.Ordinal);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"SE\*(\d+)\*0006~", "SE*$1*0005~");

        var summary = await bed.ImportAsync(bed.File("reversal.835", text));

        Assert.Empty(summary.Errors);
        Assert.Equal((7, 121), (summary.Transactions, summary.Claims));
        await using var db = database.Open();
        var original = await db.ClaimPayments.SingleAsync(c => c.PayerClaimControlNumber == "TN00401" && c.StatusCode == 1, Ct);
        var reversed = await db.ClaimPayments.SingleAsync(c => c.StatusCode == 22, Ct);
        Assert.Equal(original.Id, reversed.ReversesClaimPaymentId);
        Assert.Equal(1, await db.Remittances.CountAsync(r => r.TraceNumber == "R005", Ct));
        Assert.Equal(7, await db.Remittances.CountAsync(Ct));
        Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
    }

    [Fact]
    public async Task OneLane_TheSameFile_StoresTheSameRows()
    {
        // The one-at-a-time path (APPEALS_POSTGRES_IMPORT_LANES=1, and every SQLite import) and the two lanes store the same.
        var text = ToX12(Transactions(6));
        async Task<(int, int, int, decimal)> ImportAsync()
        {
            await using var database = await TestDatabase.CreateAsync();
            var bed = new ImportBed(database);
            var summary = await bed.ImportAsync(bed.File("same.835", text));
            Assert.Empty(summary.Errors);
            await using var db = database.Open();
            Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
            return (await db.ClaimPayments.CountAsync(Ct), await db.DenialCases.CountAsync(Ct), await db.Adjustments.CountAsync(Ct),
                await db.DenialCases.SumAsync(c => c.DeniedAmount, Ct));
        }
        var two = await ImportAsync();
        Environment.SetEnvironmentVariable(TransactionLanes.LanesVariable, "1");
        try
        {
            Assert.Equal(two, await ImportAsync());
        }
        finally
        {
            Environment.SetEnvironmentVariable(TransactionLanes.LanesVariable, null);
        }
        Assert.Equal((120, 60, 120, 7200m), two);
    }
}
