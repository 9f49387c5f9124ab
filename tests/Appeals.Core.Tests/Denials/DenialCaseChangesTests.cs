using Appeals.Core.Denials;
using Appeals.Core.Tests.Builders;
using Microsoft.EntityFrameworkCore;
using static Appeals.Core.Tests.Builders.RemittanceBuilder;

namespace Appeals.Core.Tests.Denials;

/// <summary>The case's own methods (DenialCaseChanges): each keeps its invariants, and none writes over a newer copy.</summary>
public sealed class DenialCaseChangesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every way the case is changed, by name, as the workflow, the jobs, the ERA outcomes and the queue call them.</summary>
    public static TheoryData<string> WritePaths => new(Changes.Keys);

    private static readonly Dictionary<string, Action<DenialCase>> Changes = new()
    {
        ["assign"] = c => c.AssignTo("specialist"),
        ["record recovery"] = c => c.RecordRecovery(40m),
        ["link earlier case"] = c => c.LinkEarlierCase(c.Id + 1000),
        ["apply score"] = c => c.ApplyScore(0.4, 40m, "why", "base-rate", DateTimeOffset.UtcNow, 40m),
        ["set deadline"] = c => c.SetDeadline(new DateOnly(2026, 9, 1), "Due 2026-09-01", ruleMissing: false),
        ["mark deadline missed"] = c => c.MarkDeadlineMissed(),
        ["start workflow"] = c => c.StartWorkflow("appeal_letter", 1, "open", 1),
        ["next appeal level"] = c => c.OpenNextAppealLevel(new DateOnly(2026, 5, 1)),
        ["workflow move"] = c => c.RecordMove("drafting", DenialCaseStatus.InProgress, false, "open", "start", "specialist", "", DateTimeOffset.UtcNow),
    };

    [Theory]
    [MemberData(nameof(WritePaths))]
    public async Task AChange_FromACopyOlderThanTheStoredCase_IsRefusedOnSave(string path)
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await OneCaseAsync(database);
        await using var stale = database.Open();
        var old = await stale.DenialCases.SingleAsync(c => c.Id == id, Ct);
        await using (var other = database.Open())
        {
            (await other.DenialCases.SingleAsync(c => c.Id == id, Ct)).AssignTo("manager");
            await other.SaveChangesAsync(Ct);
        }

        Changes[path](old);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(WritePaths))]
    public void AChange_RenewsTheConcurrencyStamp_ExceptAScore(string path)
    {
        var denial = new DenialCase { PatientControlNumber = "PCN-1", Category = "medical_necessity", PrimaryReason = "CO-50", DeniedAmount = 100m };
        var before = denial.Version;

        Changes[path](denial);

        Assert.Equal(path != "apply score", denial.Version != before);
    }

    [Fact]
    public void RecordMove_SetsTheStatusAndReturnsItsTransitionRow()
    {
        var denial = new DenialCase { PatientControlNumber = "PCN-1", Category = "medical_necessity", PrimaryReason = "CO-50", DeniedAmount = 100m };
        denial.StartWorkflow("appeal_letter", 2, "open", 1);
        var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

        var row = denial.RecordMove("closed", DenialCaseStatus.WrittenOff, final: true, "approved", "close", "manager", "below threshold", at);

        Assert.Equal((DenialCaseStatus.WrittenOff, "closed", (DateTimeOffset?)at), (denial.Status, denial.WorkflowState, denial.ClosedAt));
        Assert.Equal(("appeal_letter", 2, "approved", "closed", "close", "manager"), (row.Route, row.WorkflowVersion, row.FromState, row.ToState, row.Trigger, row.Actor));
        Assert.Same(denial, row.DenialCase);
        Assert.Throws<ArgumentOutOfRangeException>(() => denial.RecordMove("x", (DenialCaseStatus)99, false, "closed", "t", "a", "", at));
    }

    [Fact]
    public void RecordRecovery_Unchanged_ChangesNothing_AndANegativeAmountIsABug()
    {
        var denial = new DenialCase { PatientControlNumber = "PCN-1", Category = "c", PrimaryReason = "CO-50", DeniedAmount = 100m };
        Assert.True(denial.RecordRecovery(60m));
        var version = denial.Version;

        Assert.False(denial.RecordRecovery(60m));
        Assert.Equal(version, denial.Version);
        Assert.Throws<ArgumentOutOfRangeException>(() => denial.RecordRecovery(-1m));
    }

    private static async Task<long> OneCaseAsync(TestDatabase database)
    {
        var bed = new ImportBed(database);
        await bed.ImportAsync(bed.File("era.835", new[]
        {
            Remittance("TRACE-1", Claim("PCN-A", paid: 0m, charge: 100m, payerClaimNumber: "TRACE-1-1").WithLine("97110", 100m, 0m, ("CO", "197", 100m))),
        }));
        await using var db = database.Open();
        return await db.DenialCases.Select(c => c.Id).SingleAsync(Ct);
    }
}
