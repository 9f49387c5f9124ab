using Appeals.Core.Imports;
using Appeals.Core.Remittances;
using Appeals.Core.Rollups;
using Appeals.Core.Tests.Builders;
using Appeals.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using static Appeals.Core.Tests.Builders.RemittanceBuilder;

namespace Appeals.Core.Tests.PostgreSql;

/// <summary>
/// Importers on two nodes write to one PostgreSQL database at once (ADR 0110): ids come from sequences, so neither waits
/// for the other nor takes the other's ids, and what both bring is stored once, the second reported as a duplicate.
/// </summary>
public sealed class SeveralWritersOnPostgreSqlTests : IRunsOnPostgreSql
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Transactions of a new payer (both writers add it at once), 20 claims each, every other claim denied.</summary>
    internal static Remittance[] Transactions(string prefix, int count) => Enumerable.Range(1, count).Select(t =>
        Remittance($"{prefix}{t:D3}", "NEWPAYER", Enumerable.Range(1, 20).Select(c => c % 2 == 0
            ? Claim($"{prefix}{t:D3}-{c:D2}", status: 4, charge: 120m, paid: 0m, payerClaimNumber: $"{prefix}N{t:D3}{c:D2}").WithLine("99213", 120m, 0m, ("CO", "50", 120m))
            : Claim($"{prefix}{t:D3}-{c:D2}", charge: 120m, paid: 100m, payerClaimNumber: $"{prefix}N{t:D3}{c:D2}").WithLine("99213", 120m, 100m, ("CO", "45", 20m))).ToArray()))
        .ToArray();

    /// <summary>Two importers, each with its own connection (as on two nodes), started together.</summary>
    private static async Task<ImportSummary[]> AtOnceAsync(TestDatabase database, string first, string second)
    {
        var bed = new ImportBed(database);
        var start = new TaskCompletionSource();
        async Task<ImportSummary> Run(string path)
        {
            await start.Task;
            return await bed.ImportAsync(path);
        }
        var runs = new[] { Task.Run(() => Run(first), Ct), Task.Run(() => Run(second), Ct) };
        start.SetResult();
        return await Task.WhenAll(runs);
    }

    [Fact]
    public async Task TwoWriters_DifferentFiles_AtOnce_StoreEverythingOnceWithOnePayer()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        var a = bed.File("a.835", Transactions("A", 30));
        var b = bed.File("b.835", Transactions("B", 30));

        var summaries = await AtOnceAsync(database, a, b);

        Assert.All(summaries, s => Assert.Equal((1, 30, 600, 0), (s.Imported, s.Transactions, s.Claims, s.Errors.Count)));
        await using var db = database.Open();
        Assert.Equal(60, await db.Remittances.CountAsync(Ct));
        Assert.Equal(1200, await db.ClaimPayments.CountAsync(Ct));
        Assert.Equal(600, await db.DenialCases.CountAsync(Ct));
        Assert.Equal(1, await db.Payers.CountAsync(Ct));
        // Every claim's line and case point at that claim: no id was given twice.
        Assert.Equal(0, await db.ServiceLines.CountAsync(l => l.ClaimPayment!.PatientControlNumber.Substring(0, 1) != l.ClaimPayment.Remittance!.TraceNumber.Substring(0, 1), Ct));
        Assert.Equal(0, await db.DenialCases.CountAsync(c => c.PatientControlNumber != c.ClaimPayment!.PatientControlNumber, Ct));
        Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
    }

    [Fact]
    public async Task TwoWriters_SameTransactions_AtOnce_StoreEachOnceAndReportTheOtherDuplicate()
    {
        await using var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        // The same file under two names (two uploads), and the same transactions in another interchange.
        var text = ToX12(Transactions("S", 30));
        var first = bed.File("upload-1.835", text);
        var second = bed.File("upload-2.835", text);

        var summaries = await AtOnceAsync(database, first, second);

        Assert.All(summaries, s => Assert.Empty(s.Errors));
        Assert.Equal(30, summaries.Sum(s => s.Transactions));
        // One imports the file; the other says duplicate, whether it met the first one's claim on the file or its finished record (ADR 0111).
        Assert.Equal(new[] { (0, 1), (1, 0) }, summaries.Select(s => (s.Imported, s.Duplicates)).Order());
        await using var db = database.Open();
        Assert.Equal(30, await db.Remittances.CountAsync(Ct));
        Assert.Equal(600, await db.ClaimPayments.CountAsync(Ct));
        Assert.Equal(300, await db.DenialCases.CountAsync(Ct));
        Assert.Equal(1, await db.ImportedFiles.CountAsync(Ct));
        Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));

        var resent = bed.File("resent.835", Transactions("S", 30).Concat(Transactions("T", 1)).ToArray());
        var other = bed.File("other.835", Transactions("S", 30).Concat(Transactions("U", 1)).ToArray());
        var again = await AtOnceAsync(database, resent, other);
        Assert.All(again, s => Assert.Equal((1, 0), (s.Transactions, s.Errors.Count)));
        Assert.Equal(32, await db.Remittances.CountAsync(Ct));
    }
}
