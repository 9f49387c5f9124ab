using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Appeals.Core.Remittances;
using Appeals.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Tests.Support;

/// <summary>
/// A real SQLite file in a temp folder with the schema created (EnsureCreated until migrations land), or for a test
/// class marked <see cref="IRunsOnPostgreSql"/> a migrated PostgreSQL database of its own (and the temp folder for files).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "appeals-wf-" + Guid.NewGuid().ToString("N"));
    public string ConnectionString { get; }
    public DatabaseProvider Provider { get; } = IRunsOnPostgreSql.Current;

    public TestDatabase()
    {
        // The server's database first: without a server the test is skipped from here, and no folder is left behind.
        if (Provider == DatabaseProvider.PostgreSql)
        {
            ConnectionString = PostgreSqlTestServer.CreateCoreDatabaseAsync(Phi, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
            Directory.CreateDirectory(Folder);
            return;
        }
        Directory.CreateDirectory(Folder);
        ConnectionString = $"Data Source={Path.Combine(Folder, "appeals.db")};Pooling=False";
        using var db = Open();
        db.Database.EnsureCreated();
    }

    /// <summary>One key for the whole test run: every context of a test reads what another wrote.</summary>
    public static PhiProtector Phi { get; } = PhiKeyRing.Ephemeral();

    public AppealsDbContext Open() => Provider == DatabaseProvider.PostgreSql
        ? AppealsDatabase.CreateContext(Provider, ConnectionString, Phi)
        : new(new DbContextOptionsBuilder<AppealsDbContext>().UseSqlite(ConnectionString).UsePhiProtector(Phi).Options);

    /// <summary>Stores a payer, a remittance, a claim and a denial case on it; returns the case id.</summary>
    public async Task<long> AddCaseAsync(string payerType = PayerTypes.Commercial, string category = "medical_necessity",
        decimal denied = 250m, DateOnly? denialDate = null, string payerClaimNumber = "PCN-1", string patientControlNumber = "PAT-1")
    {
        await using var db = Open();
        var payer = await db.Payers.FirstOrDefaultAsync(p => p.PayerType == payerType)
            ?? new Payer { Identifier = "SYN-" + payerType, Name = "Synthetic " + payerType, PayerType = payerType };
        var file = new Appeals.Core.Imports.ImportedFile { FileName = "seed.835", ContentHash = Guid.NewGuid().ToString("N") };
        var remittance = new Remittance
        {
            ContentHash = Guid.NewGuid().ToString("N"), TransactionControlNumber = "0001", Payer = payer, ImportedFile = file,
            PaymentDate = denialDate ?? new DateOnly(2026, 3, 2), PayeeName = "Example Clinic", PayeeIdentifier = "1999999984",
        };
        var claim = new ClaimPayment
        {
            Remittance = remittance, PatientControlNumber = patientControlNumber, StatusCode = 1, ChargeAmount = denied,
            PayerClaimControlNumber = payerClaimNumber, PatientFirstName = "Testa", PatientLastName = "Synthetic",
            MemberId = "SYN000001", ServiceDateFrom = new DateOnly(2026, 1, 15), ServiceDateTo = new DateOnly(2026, 1, 15),
        };
        var denial = new DenialCase
        {
            ClaimPayment = claim, Payer = payer, PatientControlNumber = patientControlNumber, PayerClaimControlNumber = payerClaimNumber,
            Category = category, PrimaryReason = "CO-50", DeniedAmount = denied, BilledAmount = denied,
            DenialDate = denialDate ?? new DateOnly(2026, 3, 2), ServiceDate = new DateOnly(2026, 1, 15), ProcedureCode = "99213",
        };
        db.DenialCases.Add(denial);
        await db.SaveChangesAsync();
        return denial.Id;
    }

    public void Dispose()
    {
        if (Provider == DatabaseProvider.PostgreSql) PostgreSqlTestServer.DropDatabaseAsync(ConnectionString).GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
