using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Workflows.Deadlines;
using Appeals.Workflows.Jobs;
using Appeals.Workflows.Letters;
using Appeals.Workflows.Outcomes;
using Appeals.Workflows.Routing;
using Appeals.Workflows.Tests.Support;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Workflows.Tests.Jobs;

[Collection(HangfireCollection.Name)]
public sealed class WorkflowsRegistrationTests : IDisposable
{
    private readonly TestDatabase _test = new();

    public void Dispose()
    {
        // AddHangfire bound these process-wide to the provider disposed above: give them back.
        JobActivator.Current = new JobActivator();
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        _test.Dispose();
    }

    [Fact]
    public async Task AddAppealsWorkflows_ResolvesTheServicesAndTheImportHandler_WithoutHangfire()
    {
        var configuration = Configuration();
        await using var provider = new ServiceCollection().AddLogging().AddAppealsCore(configuration).AddAppealsWorkflows(configuration)
            .BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        Assert.NotNull(scope.ServiceProvider.GetRequiredService<CaseWorkflow>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<CaseLetters>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<DeadlineSweepJob>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<InboxImportJob>());
        Assert.Null(scope.ServiceProvider.GetService<IBackgroundJobClient>());
        Assert.Equal([typeof(Appeals.Workflows.NewCases.NewCasePreparation)],
            scope.ServiceProvider.GetServices<INewCasePreparer>().Select(h => h.GetType()));
        // Outcomes first: an underpayment case opened by this remittance is not answered by the same remittance (issue 16).
        Assert.Equal([typeof(EraOutcomeHandler), typeof(Appeals.Workflows.Underpayments.UnderpaymentHandler), typeof(Appeals.Workflows.TakeBacks.TakeBackHandler)],
            scope.ServiceProvider.GetServices<IImportedRemittanceHandler>().Select(h => h.GetType()));
        Assert.Equal("Example Clinic billing office", scope.ServiceProvider.GetRequiredService<LetterSettings>().Fields["AppellantName"]);
        Assert.Equal([10], scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DeadlineOptions>>().Value.Days);
        Assert.False(File.Exists(Path.Combine(_test.Folder, "hangfire.db")));
    }

    [Fact]
    public async Task AddAppealsJobStorage_AddsHangfiresClientAndWhatEnqueuesThroughIt()
    {
        var configuration = Configuration();
        await using var provider = new ServiceCollection().AddLogging().AddAppealsCore(configuration).AddAppealsWorkflows(configuration)
            .AddAppealsJobStorage(configuration).BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<PayerRuleOverrides>());
    }

    private IConfiguration Configuration()
    {
        return new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Appeals"] = _test.ConnectionString,
            ["Hangfire:SqlitePath"] = Path.Combine(_test.Folder, "hangfire.db"),
            ["DataProtection:KeysPath"] = Path.Combine(_test.Folder, "keys"),
            ["Letters:Fields:AppellantName"] = "Example Clinic billing office",
            ["Deadlines:ReminderDays:0"] = "10",
        }).Build();
    }
}
