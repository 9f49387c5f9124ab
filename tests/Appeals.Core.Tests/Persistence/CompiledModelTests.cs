using System.Text;
using Appeals.Core.Persistence;
using Appeals.Core.Persistence.CompiledModels.Sqlite;
using Appeals.Core.Privacy;
using Appeals.Core.Remittances;
using Appeals.Core.Tests.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Appeals.Core.Tests.Persistence;

/// <summary>
/// The SQLite compiled model (ADR 0092) is written by scripts/regenerate-compiled-model.sh and checked in: after a
/// model change it is stale until someone runs the script. These tests say so, and that its PHI columns still encrypt.
/// </summary>
public class CompiledModelTests
{
    [Fact]
    public async Task CompiledModel_DescribesTheSameTablesColumnsKeysAndIndexes_AsTheModelBuiltAtRunTime()
    {
        await using var built = AppealsDatabase.CreateContextForCompiledModel("Data Source=:memory:", PhiKeyRing.Ephemeral(), forCompiledModel: false);
        await using var compiled = CompiledContext("Data Source=:memory:", PhiKeyRing.Ephemeral());

        var expected = Describe(built.Model);
        var actual = Describe(compiled.Model);

        Assert.True(expected == actual,
            "The compiled model is stale: run scripts/regenerate-compiled-model.sh. First difference:\n" + FirstDifference(expected, actual));
    }

    [Fact]
    public async Task CompiledModel_EncryptsPatientIdentity_WithTheProtectorThatClaimedIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // The test process's first protector has claimed the compiled model; whichever it is, a context of it uses the model.
        var claimed = CompiledModelPhi.Claim(TestDatabase.Phi) ? TestDatabase.Phi : CompiledModelPhi.Protector;
        var remittance = RemittanceBuilder.Remittance("TRACE-COMPILED", RemittanceBuilder.Claim("PCN-1"));
        remittance.ImportedFile = new Appeals.Core.Imports.ImportedFile { FileName = "compiled.835", ContentHash = new string('c', 64) };
        await using (var writer = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, database.ConnectionString, claimed))
        {
            Assert.Same(SqliteAppealsDbContextModel.Instance, writer.Model);
            writer.Add(remittance);
            await writer.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var stored = await ReadColumnAsync(database.ConnectionString, "SELECT PatientIdentity FROM ClaimPayments");
        Assert.DoesNotContain("ALPHA", stored, StringComparison.Ordinal);
        await using var reader = AppealsDatabase.CreateContextForCompiledModel(database.ConnectionString, claimed, forCompiledModel: false);
        var patient = await reader.ClaimPayments.Select(c => c.Patient).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("TESTPATIENT", "ALPHA", "SYN000001"), (patient.LastName, patient.FirstName, patient.MemberId));
    }

    [Fact]
    public async Task AContextOfAnotherProtector_BuildsItsOwnModel_AndEncryptsUnderItsOwnKeys()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        CompiledModelPhi.Claim(TestDatabase.Phi); // whichever protector claimed first, this one below is another
        var other = PhiKeyRing.Ephemeral();
        var remittance = RemittanceBuilder.Remittance("TRACE-OTHER", RemittanceBuilder.Claim("PCN-2"));
        remittance.ImportedFile = new Appeals.Core.Imports.ImportedFile { FileName = "other.835", ContentHash = new string('d', 64) };
        await using (var writer = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, database.ConnectionString, other))
        {
            Assert.NotSame(SqliteAppealsDbContextModel.Instance, writer.Model);
            writer.Add(remittance);
            await writer.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var ownReader = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, database.ConnectionString, other);
        Assert.Equal("ALPHA", (await ownReader.ClaimPayments.Select(c => c.Patient).SingleAsync(TestContext.Current.CancellationToken)).FirstName);
        await using var claimedReader = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, database.ConnectionString, CompiledModelPhi.Protector);
        await Assert.ThrowsAnyAsync<Exception>(() => claimedReader.ClaimPayments.Select(c => c.Patient).SingleAsync(TestContext.Current.CancellationToken));
    }

    private static SqliteAppealsDbContext CompiledContext(string connectionString, PhiProtector protector) =>
        new(new DbContextOptionsBuilder().UseSqlite(connectionString).UsePhiProtector(protector).UseModel(SqliteAppealsDbContextModel.Instance).Options);

    private static async Task<string> ReadColumnAsync(string connectionString, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Everything of a model that decides what SQL EF writes and how values convert, one line each, in a fixed order.</summary>
    private static string Describe(IModel model)
    {
        var text = new StringBuilder();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName() ?? "", entity.GetSchema());
            text.AppendLine($"entity {entity.Name} table {entity.GetTableName()} base {entity.BaseType?.Name}");
            foreach (var p in entity.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
                text.AppendLine($"  property {p.Name} {p.ClrType.Name} column {p.GetColumnName(table)} type {p.GetColumnType()} null {p.IsNullable} "
                    + $"max {p.GetMaxLength()} precision {p.GetPrecision()},{p.GetScale()} token {p.IsConcurrencyToken} generated {p.ValueGenerated} "
                    + $"default {p.GetDefaultValueSql()}|{p.GetDefaultValue()} converter {p.GetValueConverter()?.ProviderClrType.Name} "
                    + $"comparer {p.GetValueComparer().Type.Name}");
            foreach (var k in entity.GetKeys().OrderBy(k => Names(k.Properties), StringComparer.Ordinal))
                text.AppendLine($"  key {Names(k.Properties)} primary {k.IsPrimaryKey()}");
            foreach (var i in entity.GetIndexes().OrderBy(i => i.GetDatabaseName(), StringComparer.Ordinal))
                text.AppendLine($"  index {i.GetDatabaseName()} on {Names(i.Properties)} unique {i.IsUnique} filter {i.GetFilter()}");
            foreach (var f in entity.GetForeignKeys().OrderBy(f => Names(f.Properties), StringComparer.Ordinal))
                text.AppendLine($"  foreign key {Names(f.Properties)} to {f.PrincipalEntityType.Name} required {f.IsRequired} delete {f.DeleteBehavior} "
                    + $"navigations {f.DependentToPrincipal?.Name}/{f.PrincipalToDependent?.Name}");
        }
        return text.ToString();
    }

    private static string Names(IEnumerable<IReadOnlyProperty> properties) => string.Join(",", properties.Select(p => p.Name));

    private static string FirstDifference(string expected, string actual)
    {
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var (x, y) = (i < e.Length ? e[i] : "(nothing)", i < a.Length ? a[i] : "(nothing)");
            if (x != y) return $"built at run time: {x}\ncompiled:          {y}";
        }
        return "(none)";
    }
}
