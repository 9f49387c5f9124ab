using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Persistence.BulkInsert;
using Appeals.Core.Remittances;
using Appeals.Core.Tests.Builders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using static Appeals.Core.Tests.Builders.RemittanceBuilder;

namespace Appeals.Core.Tests.Persistence.BulkInsert;

public class RemittanceTablesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Tables = ["Remittances", "ClaimPayments", "ServiceLines", "Adjustments", "RemarkCodes", "ProviderAdjustments", "DenialCases"];
    private static readonly HashSet<string> Keys = ["Id", "RemittanceId", "ClaimPaymentId", "ServiceLineId", "ContentHash"];

    private static (Remittance Remittance, DenialCase Case) Sample(string hash)
    {
        var claim = Claim("PCN-1", charge: 212.5m, paid: 12.00m, payerClaimNumber: "PCC-1")
            .WithLine("99213", 12.00m, 12.00m, ("CO", "45", 0.25m))
            .WithLine("97110", 200.5m, 0m, ("CO", "197", 200.5m));
        claim.PatientResponsibilityAmount = 0m;
        claim.ReceivedDate = new DateOnly(2024, 2, 29);
        claim.ServiceLines[0].AllowedAmount = 11.75m;
        claim.ServiceLines[1].Units = 2.5m;
        claim.Adjustments[0].Quantity = 1m;
        claim.RemarkCodes.Add(new RemarkCode { Source = "LQ", Code = "N386", ServiceLine = claim.ServiceLines[1] });
        var remittance = Remittance("TRACE-EQ", claim);
        remittance.ContentHash = hash;
        remittance.ProviderAdjustments.Add(new ProviderAdjustment { ProviderIdentifier = "1999999984", ReasonCode = "WO", ReferenceId = "REF1", Amount = -10.10m, FiscalPeriodDate = new DateOnly(2026, 12, 31) });
        // Text the bulk writer encodes itself (ADR 0141): empty (not NULL), non-ASCII with a surrogate pair, a text longer
        // than the writer's per-row buffer, and decimals and dates at their edges.
        remittance.ProviderAdjustments.Add(new ProviderAdjustment { ProviderIdentifier = "", ReasonCode = "L6", ReferenceId = "Réf-ü€𝄞 漢字", Amount = 79228162514264337593543950335m, FiscalPeriodDate = new DateOnly(1, 1, 1) });
        remittance.ProviderAdjustments.Add(new ProviderAdjustment { ProviderIdentifier = "X", ReasonCode = "FB", ReferenceId = string.Concat(Enumerable.Repeat("€𝄞a", 9000)), Amount = -0.0000000000000000000000000001m, FiscalPeriodDate = new DateOnly(9999, 12, 31) });
        remittance.ProviderAdjustments.Add(new ProviderAdjustment { ProviderIdentifier = "Y", ReasonCode = "72", Amount = 100.000m });
        var denial = new DenialCase
        {
            PatientControlNumber = "PCN-1", Category = "authorization_referral", PrimaryReason = "CO-197", DeniedAmount = 200.5m,
            DenialDate = new DateOnly(2026, 1, 5), CreatedAt = new DateTimeOffset(2026, 1, 6, 10, 30, 15, 123, TimeSpan.FromHours(-5)),
            Version = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), RecoveryProbability = 0.375, ExpectedRecovery = 75.19m, Avoidable = true,
        };
        return (remittance, denial);
    }

    private static async Task<(Payer, ImportedFile)> PayerAndFileAsync(AppealsDbContext db)
    {
        var payer = new Payer { Identifier = "PAYER01", Name = "DEMO HEALTH PLAN" };
        var file = new ImportedFile { FileName = "f.835", ContentHash = new string('a', 64), Status = ImportStatus.Imported };
        db.AddRange(payer, file);
        await db.SaveChangesAsync(Ct);
        return (payer, file);
    }

    [Fact]
    public async Task BulkInsert_WritesEveryColumnExactlyAsEfCoreWritesIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();
        var (payer, file) = await PayerAndFileAsync(db);

        var (byEf, efCase) = Sample(new string('1', 64));
        (byEf.Payer, byEf.PayerId, byEf.ImportedFileId) = (null, payer.Id, file.Id);
        (efCase.ClaimPayment, efCase.PayerId) = (byEf.Claims[0], payer.Id);
        db.Add(byEf);
        db.Add(efCase);
        await db.SaveChangesAsync(Ct);

        var (byBulk, bulkCase) = Sample(new string('2', 64));
        await db.Database.OpenConnectionAsync(Ct);
        await using (var tx = await db.Database.BeginTransactionAsync(Ct))
        {
            using var tables = new RemittanceTables(db);
            tables.AssignIds(byBulk, file.Id, payer.Id, tx.GetDbTransaction());
            (bulkCase.ClaimPaymentId, bulkCase.PayerId) = (byBulk.Claims[0].Id, payer.Id);
            tables.NumberCases([bulkCase], tx.GetDbTransaction());
            tables.InsertHeader(byBulk, tx.GetDbTransaction());
            tables.InsertClaims(byBulk, tx.GetDbTransaction());
            tables.InsertCases([bulkCase], tx.GetDbTransaction());
            await tx.CommitAsync(Ct);
        }

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        foreach (var table in Tables)
        {
            var rows = ReadRows(connection, table);
            Assert.True(rows.Count % 2 == 0 && rows.Count > 0, $"{table}: {rows.Count} rows");
            var half = rows.Count / 2;
            for (var i = 0; i < half; i++) Assert.Equal(rows[i], rows[half + i]);
        }
        // Quantity and ServiceLineId are kept as value and flag (ADR 0012): EF reads them back through their properties.
        var read = await db.Set<Adjustment>().AsNoTracking().Where(a => a.ClaimPaymentId == byBulk.Claims[0].Id).OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal([1m, null], read.Select(a => a.Quantity));
        Assert.Equal(byBulk.Claims[0].ServiceLines.Select(l => (long?)l.Id), read.Select(a => a.ServiceLineId));
        var stored = await db.DenialCases.AsNoTracking().OrderBy(d => d.Id).LastAsync(Ct);
        Assert.Equal((efCase.CreatedAt, efCase.Version, 200.5m), (stored.CreatedAt, stored.Version, stored.DeniedAmount));
    }

    [Fact]
    public async Task Tables_MakeOnlyTheInsertersOfTheTablesWrittenTo()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();
        var (payer, file) = await PayerAndFileAsync(db);
        await db.Database.OpenConnectionAsync(Ct);

        // The inserters are made when a table is first written (ADR 0156): none for an import that finds its files stored.
        using var tables = new RemittanceTables(db);
        Assert.Equal(0, tables.InsertersMade);

        // A paid claim with adjustments: no remark code, provider adjustment or case to write.
        var remittance = Remittance("TRACE-LAZY", Claim("PCN-1", charge: 100m, paid: 80m).WithLine("99213", 100m, 80m, ("CO", "45", 20m)));
        remittance.ContentHash = new string('3', 64);
        await using (var tx = await db.Database.BeginTransactionAsync(Ct))
        {
            tables.AssignIds(remittance, file.Id, payer.Id, tx.GetDbTransaction());
            tables.NumberCases([], tx.GetDbTransaction());
            tables.InsertHeader(remittance, tx.GetDbTransaction());
            tables.InsertClaims(remittance, tx.GetDbTransaction());
            tables.InsertCases([], tx.GetDbTransaction());
            await tx.CommitAsync(Ct);
        }

        Assert.Equal(4, tables.InsertersMade); // remittances, claims, service lines, adjustments
        Assert.Equal((1, 1, 1, 1), (await db.Remittances.CountAsync(Ct), await db.ClaimPayments.CountAsync(Ct),
            await db.Set<ServiceLine>().CountAsync(Ct), await db.Set<Adjustment>().CountAsync(Ct)));
        Assert.Equal((0, 0, 0), (await db.Set<RemarkCode>().CountAsync(Ct), await db.Set<ProviderAdjustment>().CountAsync(Ct), await db.DenialCases.CountAsync(Ct)));
    }

    // Encrypted columns differ on every write (random IV): compare what they decrypt to.
    private static object Decrypted(string column, object value) =>
        column == "PatientIdentity" ? TestDatabase.Phi.Unprotect((string)value) : value;

    /// <summary>Every column but ids, as (column, SQLite storage class, value) so that TEXT '1' and INTEGER 1 differ.</summary>
    private static List<List<(string, string, object?)>> ReadRows(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY \"Id\"";
        using var reader = command.ExecuteReader();
        var rows = new List<List<(string, string, object?)>>();
        while (reader.Read())
        {
            var row = new List<(string, string, object?)>();
            for (var c = 0; c < reader.FieldCount; c++)
                if (!Keys.Contains(reader.GetName(c)))
                    row.Add((reader.GetName(c), reader.GetDataTypeName(c), reader.IsDBNull(c) ? null : Decrypted(reader.GetName(c), reader.GetValue(c))));
            rows.Add(row);
        }
        return rows;
    }
}
