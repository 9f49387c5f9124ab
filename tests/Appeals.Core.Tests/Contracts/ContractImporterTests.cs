using Appeals.Core.Audit;
using Appeals.Core.Contracts;
using Appeals.Core.Tests.Builders;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Tests.Contracts;

public sealed class ContractImporterTests
{
    private const string Header = "payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to\n";

    private static Task<ContractImportSummary> Import(TestDatabase database, string csv) =>
        ImportWith(database.Open(), csv);

    private static async Task<ContractImportSummary> ImportWith(Appeals.Core.Persistence.AppealsDbContext db, string csv)
    {
        await using (db)
            return await new ContractImporter(db, TimeProvider.System).ImportAsync(new StringReader(csv), "rates.csv", "cli:test", TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Import_GoodFile_StoresEveryRateAndOneAuditEntry()
    {
        await using var database = await TestDatabase.CreateAsync();

        var summary = await Import(database, Header +
            "SYNPAYER1,99213,,100.00,2026-01-01,2026-02-28\n" +
            "SYNPAYER1,99213,,110.00,2026-03-01,\n" +
            "SYNPAYER1,97110,gp,36.00,2026-01-01,\n" +
            "\"SYNTHETIC HEALTH, INC\",99213,,95.00,2026-01-01,\n");

        Assert.Equal(new ContractImportSummary("rates.csv", 4, 4, 0, 2), summary);
        await using var db = database.Open();
        var stored = await db.PayerContracts.OrderBy(c => c.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(4, stored.Count);
        Assert.Null(stored[1].EffectiveTo);
        Assert.Equal("GP", stored[2].Modifier);
        Assert.Equal("SYNTHETIC HEALTH, INC", stored[3].PayerIdentifier);
        var audit = Assert.Single(await db.AuditEntries.Where(e => e.Action == AuditActions.ContractImport).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal("cli:test", audit.UserName);
        Assert.Equal("4 rates read, 4 added, 0 already stored, 2 payer(s)", audit.Details);
    }

    [Fact]
    public async Task Import_PercentageOfANamedBaseSchedule_NeedsTheBaseLoaded_AndOnlyIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        const string header = "payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to,base_schedule,percent_of_base\n";

        var malformed = await Assert.ThrowsAsync<ContractImportException>(() => Import(database, header +
            "SYNPAYER2,99213,,90.00,2026-01-01,,SITE-BASE-2026,110\n" + // an amount and a percentage
            "SYNPAYER2,*,,85.00,2026-01-01,,,\n" +                      // every code, but no base
            "SYNPAYER2,99214,,,2026-01-01,,SITE-BASE-2026,0\n"));
        Assert.Equal([(2, "allowed_amount"), (3, "procedure_code"), (4, "percent_of_base")], malformed.Errors.Select(x => (x.Line, x.Column)));
        var unknownBase = await Assert.ThrowsAsync<ContractImportException>(() => Import(database, header +
            "SYNPAYER2,*,,,2026-01-01,,SITE-BASE-2026,110\n"));
        Assert.Equal((2, "base_schedule"), (unknownBase.Errors.Single().Line, unknownBase.Errors.Single().Column));
        Assert.Contains("no schedule named 'SITE-BASE-2026' is loaded", unknownBase.Errors.Single().Message);

        // The base schedule is rows under its name (as a payer_id); the percentage may come in the same file or later.
        var summary = await Import(database, header +
            "SITE-BASE-2026,99213,,80.00,2026-01-01,,,\n" +
            "SYNPAYER2,*,,,2026-01-01,,SITE-BASE-2026,110\n");

        Assert.Equal(2, summary.Added);
        await using var db = database.Open();
        var percentage = await db.PayerContracts.SingleAsync(c => c.PayerIdentifier == "SYNPAYER2", TestContext.Current.CancellationToken);
        Assert.Equal(("*", "SITE-BASE-2026", 110m, 0m, "110% of SITE-BASE-2026"),
            (percentage.ProcedureCode, percentage.BaseSchedule, percentage.PercentOfBase, percentage.AllowedAmount, percentage.Terms));
    }

    [Fact]
    public async Task Import_SameFileTwice_AddsNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        const string csv = Header + "SYNPAYER1,99213,,100.00,2026-01-01,\n";
        await Import(database, csv);

        var again = await Import(database, csv);

        Assert.Equal(0, again.Added);
        Assert.Equal(1, again.AlreadyStored);
        await using var db = database.Open();
        Assert.Equal(1, await db.PayerContracts.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_BadRows_RefusesTheWholeFileNamingEveryRowsLineAndColumn()
    {
        await using var database = await TestDatabase.CreateAsync();

        var e = await Assert.ThrowsAsync<ContractImportException>(() => Import(database, Header +
            "SYNPAYER1,99213,,100.00,2026-01-01,\n" +
            ",99214,,1,2026-01-01,\n" +
            "SYNPAYER1,99215,ABC,12.5x,2026-13-01,\n" +
            "SYNPAYER1,99203,,10.00,2026-05-01,2026-04-30\n"));

        Assert.Equal("rates.csv", e.File);
        Assert.Equal(
            [(3, "payer_id"), (4, "modifier"), (4, "allowed_amount"), (4, "effective_from"), (5, "effective_to")],
            e.Errors.Select(x => (x.Line, x.Column)));
        Assert.Contains("'12.5x' is not an amount", e.Errors[2].Message);
        await using var db = database.Open();
        Assert.Equal(0, await db.PayerContracts.CountAsync(TestContext.Current.CancellationToken)); // line 2 was good, and is not stored either
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.ContractImport, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_OverlappingDatesForOneKey_InTheFileOrAgainstStoredRates_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await Import(database, Header + "SYNPAYER1,99213,,100.00,2026-01-01,2026-06-30\n");

        var e = await Assert.ThrowsAsync<ContractImportException>(() => Import(database, Header +
            "SYNPAYER1,99214,,150.00,2026-01-01,\n" +
            "SYNPAYER1,99214,,160.00,2026-07-01,\n" +       // overlaps line 2 (open-ended)
            "SYNPAYER1,99213,,105.00,2026-06-30,\n" +       // overlaps the stored rate on its last day
            "SYNPAYER1,99213,25,120.00,2026-01-01,\n"));    // another modifier: another key, fine

        Assert.Equal([3, 4], e.Errors.Select(x => x.Line));
        Assert.Contains("overlaps line 2", e.Errors[0].Message);
        Assert.Contains("overlaps the stored rate of $100.00 from 2026-01-01 to 2026-06-30", e.Errors[1].Message);
        await using var db = database.Open();
        Assert.Equal(1, await db.PayerContracts.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_MissingColumnOrEmptyFile_IsRefusedAtTheHeader()
    {
        await using var database = await TestDatabase.CreateAsync();

        var missing = await Assert.ThrowsAsync<ContractImportException>(() => Import(database, "payer_id,procedure_code,allowed_amount,effective_from,effective_to\n"));
        var empty = await Assert.ThrowsAsync<ContractImportException>(() => Import(database, ""));

        Assert.Equal((1, "modifier"), (missing.Errors[0].Line, missing.Errors[0].Column));
        Assert.Equal("the file is empty", Assert.Single(empty.Errors).Message);
    }
}
