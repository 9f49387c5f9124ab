using Appeals.Core.Denials;
using Appeals.ML.History;
using Appeals.ML.Scoring;
using Appeals.ML.Synthetic;
using Appeals.Workflows.Deadlines;
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
        var rescoring = new MlCaseRescoring(db, new CaseDeadlinePlanner(db, new AppealRuleBook(db)), CarcCatalog.Shipped,
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
        await new CaseDeadlinePlanner(db, new AppealRuleBook(db)).PlanAsync(denial);
        await db.SaveChangesAsync();
        var rescoring = new MlCaseRescoring(db, new CaseDeadlinePlanner(db, new AppealRuleBook(db)), CarcCatalog.Shipped,
            Options.Create(new ModelsOptions { Path = Path.Combine(_test.Folder, "no-models") }), TimeProvider.System);

        await rescoring.RescoreOpenCasesAsync(CancellationToken.None);

        await using var check = _test.Open();
        var after = (await check.DenialCases.FindAsync(id))!;
        Assert.True(after.DeadlineRuleMissing);
        Assert.Null(after.AppealDeadline);
    }

    [Fact]
    public async Task Rescore_AnUnplannedCase_IsPlannedFromThePayersRulesNeverGivenADefault()
    {
        var flagged = await _test.AddCaseAsync(payerType: Core.Remittances.PayerTypes.Other);
        var commercial = await _test.AddCaseAsync(payerType: Core.Remittances.PayerTypes.Commercial);
        await using var db = _test.Open();
        var rescoring = new MlCaseRescoring(db, new CaseDeadlinePlanner(db, new AppealRuleBook(db)), CarcCatalog.Shipped,
            Options.Create(new ModelsOptions { Path = Path.Combine(_test.Folder, "no-models") }), TimeProvider.System);

        var result = await rescoring.RescoreAsync(null, CancellationToken.None);

        Assert.Equal(2, result.Rescored);
        Assert.False(string.IsNullOrEmpty(result.Source));
        await using var check = _test.Open();
        var noRule = (await check.DenialCases.FindAsync(flagged))!;
        Assert.True(noRule.DeadlineRuleMissing);
        Assert.Null(noRule.AppealDeadline);
        Assert.StartsWith("FLAGGED", noRule.DeadlineBasis);
        var planned = (await check.DenialCases.FindAsync(commercial))!;
        Assert.NotNull(planned.AppealDeadline);
        Assert.Contains("file by", planned.DeadlineBasis);
        Assert.NotNull(planned.RecoveryProbability);
    }

    [Fact]
    public async Task Retrain_WithNoTrainerRegistered_DoesNothing()
    {
        await using var db = _test.Open();
        var jobs = new ModelJobs(db, [], [], Options.Create(new RetrainingOptions()), NullLogger<ModelJobs>.Instance);

        Assert.False(await jobs.RetrainIfEnoughOutcomesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Retrain_WithEnoughNewOutcomes_PublishesTheNewestModel()
    {
        var history = Path.Combine(_test.Folder, "history.csv");
        SyntheticHistory.Write(history, Path.Combine(_test.Folder, "truth.csv"), rows: 3000, seed: 3);
        var closedId = await _test.AddCaseAsync();
        await using (var setup = _test.Open())
        {
            await new HistoryImporter(setup, TimeProvider.System).ImportAsync(history);
            var closed = (await setup.DenialCases.FindAsync(closedId))!;
            // A case closed as recovered, as the workflow would have left it.
            setup.Entry(closed).Property(c => c.Status).CurrentValue = DenialCaseStatus.Recovered;
            closed.RecordRecovery(closed.DeniedAmount);
            setup.Entry(closed).Property(c => c.ClosedAt).CurrentValue = DateTimeOffset.UtcNow;
            await setup.SaveChangesAsync();
        }
        var models = Path.Combine(_test.Folder, "models");
        await using var db = _test.Open();
        var retraining = new MlModelRetraining(db, CarcCatalog.Shipped, Options.Create(new ModelsOptions { Path = models }), TimeProvider.System);
        var jobs = new ModelJobs(db, [], [retraining], Options.Create(new RetrainingOptions { MinimumNewOutcomes = 1 }), NullLogger<ModelJobs>.Instance);

        Assert.True(await jobs.RetrainIfEnoughOutcomesAsync(CancellationToken.None));

        var published = Assert.Single(Directory.GetFiles(models, ModelStore.FilePattern));
        Assert.Equal(published, new ModelStore(models).Newest());
        Assert.True(File.Exists(Path.ChangeExtension(published, ".json")));
        // Nothing closed since: the next run leaves the model alone.
        Assert.False(await jobs.RetrainIfEnoughOutcomesAsync(CancellationToken.None));
    }
}
