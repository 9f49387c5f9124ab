using Appeals.Core.Denials;
using Appeals.Core.Letters;
using Appeals.Core.Remittances;
using Appeals.Workflows.Routing;
using Appeals.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Tests.Routing;

public class CaseWorkflowTests : IDisposable
{
    private static readonly WorkflowActor Specialist = new("spec1");
    private static readonly WorkflowActor Manager = new("mgr1", IsManager: true);
    private readonly TestDatabase _test = new();
    private readonly FixedTime _time = FixedTime.At(2026, 3, 10);

    public void Dispose() => _test.Dispose();

    private async Task<(string? State, WorkflowResult Result)> Fire(long caseId, string trigger, WorkflowActor? actor = null, WorkflowDefinitions? definitions = null)
    {
        await using var db = _test.Open();
        var result = await new CaseWorkflow(db, definitions ?? WorkflowDefinitions.Shipped, _time).FireAsync(caseId, trigger, actor ?? Specialist, "test");
        await using var check = _test.Open();
        return ((await check.DenialCases.FindAsync(caseId))?.WorkflowState, result);
    }

    private async Task Walk(long caseId, params string[] triggers)
    {
        foreach (var trigger in triggers)
        {
            var (_, result) = await Fire(caseId, trigger, Manager);
            Assert.True(result.Succeeded, $"{trigger}: {result.Error?.Message}");
        }
    }

    private async Task SignLetter(long caseId, int level = 1)
    {
        await using var db = _test.Open();
        var version = await db.AppealLetters.CountAsync(l => l.DenialCaseId == caseId) + 1;
        db.AppealLetters.Add(new AppealLetter
        {
            DenialCaseId = caseId, Kind = "medical_necessity", AppealLevel = level, VersionNumber = version,
            Content = [1], Sha256 = new string('0', 64), CreatedBy = "spec1", SignedOffBy = "spec1", SignedOffAt = _time.Now,
        });
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("medical_necessity", "appeal_letter")]
    [InlineData("coding_bundling_modifier", "corrected_claim")]
    [InlineData("duplicate_claim", "verify_and_close")]
    [InlineData("coordination_of_benefits", "eligibility_other_payer")]
    [InlineData("patient_responsibility", "bill_patient")]
    public async Task Start_RoutesByCategoryAndRecordsTheMove(string category, string route)
    {
        var id = await _test.AddCaseAsync(category: category);

        var (state, result) = await Fire(id, WorkflowTriggers.Start);

        Assert.True(result.Succeeded, result.Error?.Message);
        await using var db = _test.Open();
        var denial = await db.DenialCases.SingleAsync(c => c.Id == id);
        Assert.Equal(route, denial.WorkflowRoute);
        Assert.Equal(1, denial.WorkflowVersion);
        Assert.Equal(DenialCaseStatus.InProgress, denial.Status);
        var timeline = await db.WorkflowTransitions.Where(t => t.DenialCaseId == id).OrderBy(t => t.Id).ToListAsync();
        Assert.Equal(["route", "start"], timeline.Select(t => t.Trigger));
        Assert.Equal(("open", state), (timeline[1].FromState, timeline[1].ToState));
        Assert.All(timeline, t => Assert.Equal("spec1", t.Actor));
        Assert.All(timeline, t => Assert.Equal(_time.Now, t.OccurredAt));
    }

    [Fact]
    public async Task AppealLetter_SubmitWithoutSignedLetter_IsRefusedNamingTheGuard()
    {
        var id = await _test.AddCaseAsync();
        await Walk(id, "start");

        var (state, result) = await Fire(id, "sign_off");

        Assert.Equal(WorkflowErrorCode.GuardFailed, result.Error?.Code);
        Assert.Contains("signed off", result.Error!.Message);
        Assert.Equal("drafting", state);
    }

    [Fact]
    public async Task AppealLetter_FullPath_SubmitsUpholdsEscalatesAndIsOverturned()
    {
        var id = await _test.AddCaseAsync(payerType: PayerTypes.Medicare);
        await Walk(id, "start");
        await SignLetter(id, level: 1);
        await Walk(id, "sign_off", "submit", "denied", "escalate");
        await SignLetter(id, level: 2);
        await Walk(id, "sign_off", "submit", "paid");

        await using var db = _test.Open();
        var denial = await db.DenialCases.SingleAsync(c => c.Id == id);
        Assert.Equal(("overturned", 2, DenialCaseStatus.Recovered), (denial.WorkflowState, denial.AppealLevel, denial.Status));
        Assert.NotNull(denial.FirstAppealedAt);
        Assert.NotNull(denial.ClosedAt);
        Assert.Contains("405.962", denial.DeadlineBasis); // level 2: QIC reconsideration
    }

    [Fact]
    public async Task AppealLetter_EscalateBeyondThePayersHighestLevel_IsRefused()
    {
        var id = await _test.AddCaseAsync(payerType: PayerTypes.Commercial); // commercial_aca: levels 1 and 2
        await Walk(id, "start");
        await SignLetter(id, 1);
        await Walk(id, "sign_off", "submit", "denied", "escalate");
        await SignLetter(id, 2);
        await Walk(id, "sign_off", "submit", "denied");

        var (state, result) = await Fire(id, "escalate");

        Assert.Equal(WorkflowErrorCode.GuardFailed, result.Error?.Code);
        Assert.Equal("upheld", state);
        Assert.True((await Fire(id, "close")).Result.Succeeded);
    }

    [Theory]
    [InlineData("medical_necessity", new[] { "start", "resubmit" })]           // appeal route has no resubmit
    [InlineData("coding_bundling_modifier", new[] { "start", "escalate" })]    // corrected claim has no levels
    [InlineData("duplicate_claim", new[] { "start", "confirm_duplicate", "start" })] // closed is final
    [InlineData("coordination_of_benefits", new[] { "start", "denied" })]      // nothing was sent yet
    [InlineData("patient_responsibility", new[] { "patient_paid" })]           // not billed yet
    public async Task ForbiddenMove_IsATypedErrorAndChangesNothing(string category, string[] triggers)
    {
        var id = await _test.AddCaseAsync(category: category);
        await Walk(id, triggers[..^1]);
        await using (var db = _test.Open())
            await db.DenialCases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedTo, "x"));
        var before = await TimelineCount(id);

        var (_, result) = await Fire(id, triggers[^1]);

        Assert.Equal(WorkflowErrorCode.IllegalMove, result.Error?.Code);
        Assert.Contains($"'{triggers[^1]}' is not allowed", result.Error!.Message);
        Assert.Equal(before, await TimelineCount(id));
    }

    [Fact]
    public async Task WriteOff_NeedsAManager()
    {
        var id = await _test.AddCaseAsync(category: "patient_responsibility");
        await Walk(id, "start", "patient_billed", "uncollectible");

        var (state, refused) = await Fire(id, "approve_write_off", Specialist);
        Assert.Equal(WorkflowErrorCode.GuardFailed, refused.Error?.Code);
        Assert.Equal("write_off_requested", state);

        var (final, approved) = await Fire(id, "approve_write_off", Manager);
        Assert.True(approved.Succeeded);
        Assert.Equal("written_off", final);
        await using var db = _test.Open();
        Assert.Equal(DenialCaseStatus.WrittenOff, (await db.DenialCases.FindAsync(id))!.Status);
    }

    [Fact]
    public async Task AppealLetter_WhileSubmitted_NoWriteOffCanBeRequested()
    {
        var id = await _test.AddCaseAsync();
        await Walk(id, "start");
        await SignLetter(id);
        await Walk(id, "sign_off", "submit");

        Assert.Equal(WorkflowErrorCode.IllegalMove, (await Fire(id, "request_write_off")).Result.Error?.Code);
    }

    [Fact]
    public async Task UnknownCase_IsATypedError() =>
        Assert.Equal(WorkflowErrorCode.CaseNotFound, (await Fire(999, "start")).Result.Error?.Code);

    private async Task<int> TimelineCount(long id)
    {
        await using var db = _test.Open();
        return await db.WorkflowTransitions.CountAsync(t => t.DenialCaseId == id);
    }
}
