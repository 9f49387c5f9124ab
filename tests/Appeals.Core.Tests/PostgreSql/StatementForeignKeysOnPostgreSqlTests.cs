using Appeals.Core.Persistence.MigrationSql;
using Appeals.Core.Rollups;
using Appeals.Core.Tests.Builders;
using Appeals.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Appeals.Core.Tests.Builders.RemittanceBuilder;

namespace Appeals.Core.Tests.PostgreSql;

/// <summary>
/// On PostgreSQL the foreign keys from claims, service lines, adjustments and remark codes to their parents are checked
/// once per statement by triggers (ADR 0112), not once per row: they must still refuse what the keys refused, cascade what
/// they cascaded, and let the importer store everything.
/// </summary>
public sealed class StatementForeignKeysOnPostgreSqlTests : IRunsOnPostgreSql
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The row-level foreign keys of the four import tables.</summary>
    private const string RowLevelKeys = "SELECT conname AS \"Value\" FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text IN ('\"ClaimPayments\"', '\"ServiceLines\"', '\"Adjustments\"', '\"RemarkCodes\"')";

    /// <summary>The statement-level key triggers (ADR 0112): named <c>{Table}_Keys_{event}</c>.</summary>
    private const string StatementKeyTriggers = "SELECT tgname AS \"Value\" FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE '%\\_Keys\\_%'";

    private static async Task<TestDatabase> ImportedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var bed = new ImportBed(database);
        var file = bed.File("a.835", [Remittance("T001", "PAYER1",
            Claim("C1", status: 4, charge: 120m, paid: 0m, payerClaimNumber: "N1").WithLine("99213", 120m, 0m, ("CO", "50", 120m)),
            Claim("C2", charge: 120m, paid: 100m, payerClaimNumber: "N2").WithLine("99213", 120m, 100m, ("CO", "45", 20m)))]);
        var summary = await bed.ImportAsync(file);
        Assert.Equal((1, 2), (summary.Imported, summary.Claims));
        return database;
    }

    private static async Task<PostgresException> RefusedAsync(TestDatabase database, string sql)
    {
        await using var db = database.Open();
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(sql, Ct));
        return Assert.IsType<PostgresException>(thrown is PostgresException ? thrown : thrown.InnerException);
    }

    [Fact]
    public async Task Migrations_ReplaceTheSixRowLevelKeys_ByStatementTriggers()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();

        var keys = await db.Database.SqlQueryRaw<string>(RowLevelKeys).ToListAsync(Ct);
        Assert.Equal(["FK_ClaimPayments_ClaimPayments_ReversesClaimPaymentId"], keys);
        var triggers = await db.Database.SqlQueryRaw<string>(StatementKeyTriggers).ToListAsync(Ct);
        Assert.Equal(14, triggers.Count); // 4 child tables x insert/update, 3 parents x delete/key change
    }

    [Theory]
    [InlineData("INSERT INTO \"RemarkCodes\" (\"ClaimPaymentId\", \"Code\", \"Qualifier\", \"Source\") VALUES (999999, 'N1', 'LQ', 'MOA')", "FK_RemarkCodes_ClaimPayments_ClaimPaymentId")]
    [InlineData("UPDATE \"ServiceLines\" SET \"ClaimPaymentId\" = 999999", "FK_ServiceLines_ClaimPayments_ClaimPaymentId")]
    [InlineData("UPDATE \"Adjustments\" SET \"ServiceLineId\" = 999999", "FK_Adjustments_ServiceLines_ServiceLineId")]
    [InlineData("UPDATE \"Adjustments\" SET \"ClaimPaymentId\" = 999999", "FK_Adjustments_ClaimPayments_ClaimPaymentId")]
    [InlineData("UPDATE \"ClaimPayments\" SET \"RemittanceId\" = 999999", "FK_ClaimPayments_Remittances_RemittanceId")]
    [InlineData("DELETE FROM \"ServiceLines\"", "FK_Adjustments_ServiceLines_ServiceLineId")]
    public async Task AKeyWithoutItsParent_IsRefusedAsAForeignKeyViolation(string sql, string constraint)
    {
        await using var database = await ImportedAsync();

        var refused = await RefusedAsync(database, sql);

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
        Assert.Equal(constraint, refused.ConstraintName);
    }

    [Fact]
    public async Task AParentsKey_IsNeverChanged()
    {
        await using var database = await ImportedAsync();

        var refused = await RefusedAsync(database, "UPDATE \"ClaimPayments\" SET \"Id\" = \"Id\" + 1000");

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
    }

    [Fact]
    public async Task DeletingARemittance_CascadesToItsClaimsAndEverythingUnderThem_AsTheKeysDid()
    {
        await using var database = await ImportedAsync();
        await using var db = database.Open();
        Assert.True(await db.RemarkCodes.AnyAsync(Ct) || await db.Adjustments.AnyAsync(Ct));

        // The cases point at the claims through a row-level key kept as it was: they go first, as before.
        await db.DenialCases.ExecuteDeleteAsync(Ct);
        await db.Remittances.ExecuteDeleteAsync(Ct);

        Assert.Equal((0, 0, 0, 0), (await db.ClaimPayments.CountAsync(Ct), await db.ServiceLines.CountAsync(Ct),
            await db.Adjustments.CountAsync(Ct), await db.RemarkCodes.CountAsync(Ct)));
        Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
    }

    [Fact]
    public async Task DropScript_PutsTheRowLevelKeysBack_AndCreateScript_TakesThemAwayAgain()
    {
        await using var database = await ImportedAsync();
        await using var db = database.Open();

        foreach (var statement in MigrationSqlScripts.DropStatementForeignKeysV1()) await db.Database.ExecuteSqlRawAsync(statement, Ct);
        Assert.Equal(7, await db.Database.SqlQueryRaw<string>(RowLevelKeys).CountAsync(Ct));
        Assert.Empty(await db.Database.SqlQueryRaw<string>(StatementKeyTriggers).ToListAsync(Ct));

        foreach (var statement in MigrationSqlScripts.CreateStatementForeignKeysV1()) await db.Database.ExecuteSqlRawAsync(statement, Ct);
        Assert.Equal(14, await db.Database.SqlQueryRaw<string>(StatementKeyTriggers).CountAsync(Ct));
    }
}
