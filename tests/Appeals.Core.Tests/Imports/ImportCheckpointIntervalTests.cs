using System.Data.Common;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Tests.Builders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using static Appeals.Core.Tests.Builders.RemittanceBuilder;

namespace Appeals.Core.Tests.Imports;

/// <summary>ADR 0155: an import's SQLite connection checkpoints every 10,000 WAL pages; other connections keep SQLite's 1,000.</summary>
public sealed class ImportCheckpointIntervalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_CheckpointsEveryTenThousandPagesOfWal_WhileOtherConnectionsKeepTheDefault()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bed = new ImportBed(database);
        var handler = new CheckpointIntervalHandler();
        bed.Handlers.Add(handler);

        await bed.ImportAsync(bed.File("era.835",
            Remittance("TRACE1", Claim("PCN-A", paid: 80m, charge: 100m, payerClaimNumber: "TRACE1-1").WithLine("99213", 100m, 80m, ("CO", "45", 20m)))));

        Assert.Equal([RemittanceImporter.ImportCheckpointPages], handler.Seen);
        await using var other = new SqliteConnection(database.ConnectionString);
        await other.OpenAsync(Ct);
        Assert.Equal(1000L, await CheckpointPagesAsync(other, null, Ct));
    }

    private static async Task<long> CheckpointPagesAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA wal_autocheckpoint;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    private sealed class CheckpointIntervalHandler : IImportedRemittanceHandler
    {
        public List<long> Seen { get; } = [];

        public async Task HandleAsync(ImportedRemittance imported, CancellationToken ct) =>
            Seen.Add(await CheckpointPagesAsync(imported.Db.Database.GetDbConnection(),
                imported.Db.Database.CurrentTransaction?.GetDbTransaction(), ct));
    }
}
