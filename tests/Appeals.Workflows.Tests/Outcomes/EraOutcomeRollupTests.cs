using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Core.Rollups;
using Appeals.Workflows.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Tests.Outcomes;

/// <summary>
/// The dashboard rollups (ADR 0052) stay equal to a recomputation through the real write paths: the
/// bulk importer, a workflow move, an ERA outcome and re-imports. Migrated, not EnsureCreated: the
/// rollups' triggers come with the migrations.
/// </summary>
public sealed class EraOutcomeRollupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("appeals-rollups-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "appeals.db")};Pooling=False";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private AppealsDbContext Open() => AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, ConnectionString, Support.TestDatabase.Phi);

    private async Task Import(string name, string x12)
    {
        await using var db = Open();
        await EraImport.RunAsync(db, _folder, name, x12, Ct);
    }

    private async Task<DenialDayRollup> AssertExactAsync()
    {
        await using var db = Open();
        Assert.Empty(await RollupCheck.DifferencesAsync(db, Ct));
        return await db.DenialDayRollups.SingleAsync(Ct);
    }

    [Fact]
    public async Task Rollups_ThroughImportWorkflowMoveOutcomeAndReimport_StayExact()
    {
        await using (var db = Open())
            await AppealsDatabase.MigrateAsync(db, Ct);

        await Import("denial.835", EraFixtures.Denial());
        var denied = await AssertExactAsync();
        Assert.Equal((1L, 25_000L, 1L), (denied.Cases, denied.DeniedCents, denied.OpenCases));

        long caseId;
        await using (var db = Open())
        {
            caseId = (await db.DenialCases.SingleAsync(c => c.DeniedAmount > 0, Ct)).Id;
            var moved = await new CaseWorkflow(db, WorkflowDefinitions.Shipped, TimeProvider.System).FireAsync(caseId, "start", new("spec1"), "test", Ct);
            Assert.True(moved.Succeeded);
        }
        await AssertExactAsync();

        await Import("corrected.835", EraFixtures.ReversalAndCorrectedClaim());
        var recovered = await AssertExactAsync();
        await using (var db = Open())
            Assert.Equal(DenialCaseStatus.Recovered, (await db.DenialCases.SingleAsync(c => c.Id == caseId, Ct)).Status);
        Assert.Equal((0L, 1L, 25_000L), (recovered.OpenCases, recovered.ResolvedCases, recovered.RecoveredCents));

        await Import("corrected-again.835", EraFixtures.ReversalAndCorrectedClaim());
        await Import("denial-again.835", EraFixtures.Denial());
        var again = await AssertExactAsync();
        Assert.Equivalent(recovered, again);
    }
}
