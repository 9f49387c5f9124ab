using Appeals.Core.Denials;
using Appeals.Workflows.Jobs;
using Appeals.Workflows.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows.Tests.Jobs;

public sealed class ModelJobsTests : IDisposable
{
    private readonly TestDatabase _test = new();

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task Rescore_ScoresOpenCasesThroughTheMlRescorer()
    {
        var id = await _test.AddCaseAsync();
        await using var db = _test.Open();
        var rescoring = new MlCaseRescoring(db, CarcCatalog.Shipped,
            Options.Create(new ModelsOptions { Path = Path.Combine(_test.Folder, "no-models") }), TimeProvider.System);
        var jobs = new ModelJobs(db, [rescoring], [], Options.Create(new RetrainingOptions()), NullLogger<ModelJobs>.Instance);

        Assert.Equal(1, await jobs.RescoreAsync(CancellationToken.None));

        await using var check = _test.Open();
        var denial = (await check.DenialCases.FindAsync(id))!;
        Assert.NotNull(denial.RecoveryProbability);
        Assert.NotEmpty(denial.ScoreSource);
    }

    [Fact]
    public async Task Rescore_KeepsAFlaggedPayerWithoutADeadline()
    {
        var id = await _test.AddCaseAsync(payerType: Core.Remittances.PayerTypes.Other);
        await using var db = _test.Open();
        var denial = (await db.DenialCases.FindAsync(id))!;
        await new Appeals.Workflows.Deadlines.CaseDeadlinePlanner(db, new Appeals.Workflows.Deadlines.AppealRuleBook(db)).PlanAsync(denial);
        await db.SaveChangesAsync();
        var rescoring = new MlCaseRescoring(db, CarcCatalog.Shipped,
            Options.Create(new ModelsOptions { Path = Path.Combine(_test.Folder, "no-models") }), TimeProvider.System);

        await rescoring.RescoreOpenCasesAsync(CancellationToken.None);

        await using var check = _test.Open();
        var after = (await check.DenialCases.FindAsync(id))!;
        Assert.True(after.DeadlineRuleMissing);
        Assert.Null(after.AppealDeadline);
    }

    [Fact]
    public async Task Retrain_WithNoTrainerRegistered_DoesNothing()
    {
        await using var db = _test.Open();
        var jobs = new ModelJobs(db, [], [], Options.Create(new RetrainingOptions()), NullLogger<ModelJobs>.Instance);

        Assert.False(await jobs.RetrainIfEnoughOutcomesAsync(CancellationToken.None));
    }
}
