using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Persistence.BulkInsert;
using Appeals.Core.Remittances;
using Appeals.Core.Tests.Builders;
using Appeals.Core.Workflow;
using Microsoft.EntityFrameworkCore;
using static Appeals.Core.Tests.Builders.RemittanceBuilder;

namespace Appeals.Core.Tests.Persistence.BulkInsert;

public class PreparedUpdatesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const int Cases = PreparedUpdates.MinimumRows + 8;

    /// <summary>Two databases with the same cases: one saved by EF, one through the prepared updates, then compared column by column.</summary>
    [Fact]
    public async Task ManyModifiedCases_AreStoredExactlyAsEfStoresThem_RollupsAndAddedRowsIncluded()
    {
        await using var byEf = await SeededAsync();
        await using var prepared = await SeededAsync();

        await using (var db = byEf.Open())
        {
            Change(db, await db.DenialCases.OrderBy(c => c.Id).ToListAsync(Ct));
            await db.SaveChangesAsync(Ct);
        }
        int written;
        Dictionary<long, Guid> versions;
        await using (var db = prepared.Open())
        {
            Change(db, await db.DenialCases.OrderBy(c => c.Id).ToListAsync(Ct));
            written = await PreparedUpdates.SaveChangesAsync<DenialCase, WorkflowTransition>(db, Ct);
            Assert.All(db.WorkflowTransitions.Local, t => Assert.True(t.Id > 0));
            Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
            versions = db.DenialCases.Local.ToDictionary(c => c.Id, c => c.Version);
        }

        Assert.Equal(Cases + Cases / 2, written);
        await using var a = byEf.Open();
        await using var b = prepared.Open();
        Assert.Equal(Rows(await a.DenialCases.AsNoTracking().OrderBy(c => c.Id).ToListAsync(Ct)), Rows(await b.DenialCases.AsNoTracking().OrderBy(c => c.Id).ToListAsync(Ct)));
        Assert.Equal(
            await a.WorkflowTransitions.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.DenialCaseId, t.FromState, t.ToState, t.Trigger, t.OccurredAt, t.Actor }).ToListAsync(Ct),
            await b.WorkflowTransitions.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.DenialCaseId, t.FromState, t.ToState, t.Trigger, t.OccurredAt, t.Actor }).ToListAsync(Ct));
        Assert.Equal(Cases / 2, await b.WorkflowTransitions.CountAsync(Ct));
        Assert.Equal(versions, await b.DenialCases.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Version, Ct));
        // The rollup triggers fired for every row, as for EF's updates.
        Assert.Equal(
            await a.DenialDayRollups.AsNoTracking().OrderBy(r => r.DenialDate).Select(r => new { r.Cases, r.RecoveredCents, r.OpenCases, r.ResolvedCases }).ToListAsync(Ct),
            await b.DenialDayRollups.AsNoTracking().OrderBy(r => r.DenialDate).Select(r => new { r.Cases, r.RecoveredCents, r.OpenCases, r.ResolvedCases }).ToListAsync(Ct));
        Assert.Equal(Cases, await b.DenialDayRollups.SumAsync(r => r.ResolvedCases, Ct));
    }

    [Fact]
    public async Task ACaseChangedByOtherwiseMeanwhile_FailsTheWholeSave_AndNothingIsWritten()
    {
        await using var database = await SeededAsync();
        await using var db = database.Open();
        var cases = await db.DenialCases.OrderBy(c => c.Id).ToListAsync(Ct);
        Change(db, cases);
        var lastId = cases[^1].Id;
        await using (var other = database.Open())
        {
            var last = await other.DenialCases.SingleAsync(c => c.Id == lastId, Ct);
            last.AssignTo("someone-else");
            await other.SaveChangesAsync(Ct);
        }

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => PreparedUpdates.SaveChangesAsync<DenialCase, WorkflowTransition>(db, Ct));

        await using var check = database.Open();
        Assert.Equal(0m, await check.DenialCases.SumAsync(c => c.RecoveredAmount, Ct));
        Assert.Equal(0, await check.WorkflowTransitions.CountAsync(Ct));
        Assert.Equal("someone-else", (await check.DenialCases.SingleAsync(c => c.Id == lastId, Ct)).AssignedTo);
    }

    private static void Change(AppealsDbContext db, List<DenialCase> cases)
    {
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < cases.Count; i++)
        {
            var denial = cases[i];
            denial.RecordRecovery(denial.DeniedAmount - i);
            var transition = denial.RecordMove("recovered", DenialCaseStatus.Recovered, final: true, "new", "paid", "system:test", "test", at);
            // Two sets of changed columns: half the cases are also given to someone, and only their moves are recorded.
            if (i % 2 == 0)
            {
                denial.AssignTo("specialist");
                db.WorkflowTransitions.Add(transition);
            }
        }
    }

    private static async Task<TestDatabase> SeededAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();
        var payer = new Payer { Identifier = "PAYER01", Name = "DEMO HEALTH PLAN" };
        var file = new ImportedFile { FileName = "f.835", ContentHash = new string('a', 64), Status = ImportStatus.Imported };
        var claims = Enumerable.Range(0, Cases).Select(i => Claim($"PCN-{i}", status: 4, charge: 100m + i, payerClaimNumber: $"PCC-{i}")).ToArray();
        var remittance = Remittance("TRACE-1", claims);
        (remittance.Payer, remittance.ImportedFile) = (payer, file);
        db.Add(remittance);
        for (var i = 0; i < Cases; i++)
            db.Add(new DenialCase
            {
                ClaimPayment = claims[i], Payer = payer, PatientControlNumber = $"PCN-{i}", PayerClaimControlNumber = $"PCC-{i}",
                Category = "medical_necessity", PrimaryReason = "CO-50", DeniedAmount = 100m + i, BilledAmount = 100m + i,
                DenialDate = new DateOnly(2026, 1, 1 + i % 3),
            });
        await db.SaveChangesAsync(Ct);
        return database;
    }

    private static List<string> Rows(List<DenialCase> cases) =>
        cases.Select(c => $"{c.Id}|{c.Status}|{c.WorkflowState}|{c.RecoveredAmount}|{c.ClosedAt:O}|{c.AssignedTo}|{c.DeniedAmount}").ToList();
}
