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

    /// <summary>Copies of the first stored service line under these ids (parents this transaction writes).</summary>
    private static string NewLines(params long[] ids) =>
        "INSERT INTO \"ServiceLines\" SELECT (jsonb_populate_record(NULL::\"ServiceLines\", to_jsonb(l) || jsonb_build_object('Id', k.id))).* " +
        $"FROM unnest(ARRAY[{string.Join(", ", ids)}]::bigint[]) AS k(id), (SELECT * FROM \"ServiceLines\" ORDER BY \"Id\" LIMIT 1) AS l";

    /// <summary>One statement writing a copy of the first stored adjustment for each of these service lines.</summary>
    private static string AdjustmentsOf(params long[] lineIds) =>
        "INSERT INTO \"Adjustments\" SELECT (jsonb_populate_record(NULL::\"Adjustments\", to_jsonb(a) || jsonb_build_object('Id', 900000 + k.line, 'ServiceLineId', k.line))).* " +
        $"FROM unnest(ARRAY[{string.Join(", ", lineIds)}]::bigint[]) AS k(line), (SELECT * FROM \"Adjustments\" ORDER BY \"Id\" LIMIT 1) AS a";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    // Version 2 (ADR 0149) finds a statement's keys with one range scan when they span only parents this transaction wrote,
    // and otherwise runs version 1's check: a span with a hole, or with a missing parent, must take the second way and
    // still accept what exists and refuse what does not.
    [Theory]
    [InlineData(new long[] { 500000, 500001, 500002 }, new long[] { 500000, 500002 }, null)] // every id of the span is a new line: the range scan
    [InlineData(new long[] { 500000, 500002 }, new long[] { 500000, 500002 }, null)] // a hole in the span: one probe per key
    [InlineData(new long[] { 500000, 500002 }, new long[] { 500000, 500001 }, "FK_Adjustments_ServiceLines_ServiceLineId")] // a missing parent
    [InlineData(new long[] { 500000 }, new long[] { 500000, 9000000 }, "FK_Adjustments_ServiceLines_ServiceLineId")] // keys far apart, one missing
    public async Task KeysOfParentsThisTransactionWrote_AreFoundByEitherWay_AndAMissingOneIsRefused(long[] lines, long[] keys, string? refusedBy)
    {
        await using var database = await ImportedAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await ExecuteAsync(connection, NewLines(lines));

        var write = ExecuteAsync(connection, AdjustmentsOf(keys));

        if (refusedBy is null)
        {
            await write;
            await transaction.CommitAsync(Ct);
            await using var db = database.Open();
            Assert.Equal(keys.Length, await db.Adjustments.CountAsync(a => a.Id > 900000, Ct));
        }
        else
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => write);
            Assert.Equal((PostgresErrorCodes.ForeignKeyViolation, refusedBy), (refused.SqlState, refused.ConstraintName));
        }
    }

    [Fact]
    public async Task AParentAnotherTransactionWrote_StaysLockedAgainstDeletion_UntilTheChildsTransactionEnds()
    {
        await using var database = await ImportedAsync();
        await using var writer = new NpgsqlConnection(database.ConnectionString);
        await writer.OpenAsync(Ct);
        await using var transaction = await writer.BeginTransactionAsync(Ct);
        long line;
        await using (var first = new NpgsqlCommand("SELECT min(\"Id\") FROM \"ServiceLines\"", writer))
            line = (long)(await first.ExecuteScalarAsync(Ct))!;
        await ExecuteAsync(writer, AdjustmentsOf(line)); // the import's line: written by another, committed transaction

        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync(Ct);
        await ExecuteAsync(other, "SET lock_timeout = '300ms'");
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(other, $"DELETE FROM \"ServiceLines\" WHERE \"Id\" = {line}"));

        Assert.Equal(PostgresErrorCodes.LockNotAvailable, refused.SqlState);
    }

    [Fact]
    public async Task Migrations_InstallTheRangeChecks_AndTheirDropScript_VersionOnesAgain()
    {
        const string RangeChecks = "SELECT proname::text AS \"Value\" FROM pg_proc WHERE proname LIKE '%\\_Keys\\_check' AND prosrc LIKE '%BETWEEN lo AND hi%'";
        await using var database = await ImportedAsync();
        await using var db = database.Open();
        Assert.Equal(4, await db.Database.SqlQueryRaw<string>(RangeChecks).CountAsync(Ct));

        foreach (var statement in MigrationSqlScripts.DropStatementForeignKeysV2()) await db.Database.ExecuteSqlRawAsync(statement, Ct);
        Assert.Empty(await db.Database.SqlQueryRaw<string>(RangeChecks).ToListAsync(Ct));
        var refused = await RefusedAsync(database, "UPDATE \"Adjustments\" SET \"ServiceLineId\" = 999999");
        Assert.Equal("FK_Adjustments_ServiceLines_ServiceLineId", refused.ConstraintName);

        foreach (var statement in MigrationSqlScripts.CreateStatementForeignKeysV2()) await db.Database.ExecuteSqlRawAsync(statement, Ct);
        Assert.Equal(4, await db.Database.SqlQueryRaw<string>(RangeChecks).CountAsync(Ct));
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
