using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Workflows.Deadlines;
using Appeals.Workflows.Jobs;
using Appeals.Workflows.Letters;
using Appeals.Workflows.Outcomes;
using Appeals.Workflows.Routing;
using Appeals.Workflows.NewCases;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows;

/// <summary>Registers the workflows feature: routes, deadlines, letters, ERA outcomes and Hangfire.</summary>
public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// The import pipeline every host shares (the CLI's `import`, web uploads, the inbox job, the demo seed): after each
    /// remittance is read, its new cases get their appeal deadlines and scores before they are stored (so the queue is in
    /// priority order when the import ends); after it is committed, what it says about earlier cases is recorded
    /// (recovered dollars, workflow moves, re-denial links). Reads the <c>Outcomes</c> and <c>Models</c> sections.
    /// </summary>
    public static IServiceCollection AddAppealsImportPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(Core.Clock.AsOfClock.FromConfiguration(configuration));
        services.TryAddSingleton(WorkflowDefinitions.Shipped);
        services.TryAddSingleton(_ => Core.Denials.CarcCatalog.Shipped);
        services.Configure<OutcomeOptions>(configuration.GetSection("Outcomes"));
        services.Configure<ModelsOptions>(configuration.GetSection("Models"));
        services.TryAddEnumerable(ServiceDescriptor.Scoped<INewCasePreparer, NewCasePreparation>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IImportedRemittanceHandler, EraOutcomeHandler>());
        services.Configure<Underpayments.UnderpaymentOptions>(configuration.GetSection("Underpayments"));
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IImportedRemittanceHandler, Underpayments.UnderpaymentHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IImportedRemittanceHandler, TakeBacks.TakeBackHandler>());
        return services;
    }

    /// <summary>
    /// Registers the workflow services every host shares (the web app, the jobs, the CLI): routes, deadlines, letters,
    /// rescoring, retraining, the jobs' classes and the import pipeline. Call <c>AddAppealsCore</c> too. Hangfire is not
    /// here: hosts that enqueue jobs add <see cref="AddAppealsJobStorage"/>, hosts that run them <see cref="AddAppealsJobServer"/>.
    /// </summary>
    public static IServiceCollection AddAppealsWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(Core.Clock.AsOfClock.FromConfiguration(configuration));
        services.TryAddSingleton(WorkflowDefinitions.Shipped);
        services.TryAddScoped<AppealRuleBook>();
        services.TryAddScoped<CaseDeadlinePlanner>();
        services.TryAddScoped<Core.Audit.AuditLog>();
        services.TryAddScoped<PayerDeadlineReplanning>();
        services.TryAddScoped<CaseWorkflow>();
        services.Configure<LetterSettings>(configuration.GetSection("Letters"));
        services.TryAddScoped(sp => sp.GetRequiredService<IOptions<LetterSettings>>().Value);
        services.TryAddScoped(sp => new LetterTemplateStore(sp.GetRequiredService<AppealsDbContext>(),
            sp.GetRequiredService<LetterSettings>().TemplatesPath, sp.GetRequiredService<TimeProvider>()));
        services.TryAddScoped<CaseLetters>();
        services.AddAppealsImportPipeline(configuration);

        services.Configure<DeadlineOptions>(configuration.GetSection("Deadlines"));
        services.Configure<RetrainingOptions>(configuration.GetSection("Retraining"));
        services.Configure<InboxOptions>(configuration.GetSection("Inbox"));
        services.TryAddScoped<MlCaseRescoring>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ICaseRescoring, MlCaseRescoring>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IModelRetraining, MlModelRetraining>());
        services.TryAddSingleton<IDeadlineNotifier, LoggingDeadlineNotifier>();
        services.TryAddScoped<DeadlineJobs>();
        services.TryAddScoped<DeadlineSweepJob>();
        services.TryAddScoped<ModelJobs>();
        services.TryAddScoped<InboxImportJob>();
        return services;
    }

    /// <summary>
    /// Registers Hangfire's client and storage, and the services that enqueue jobs through it (an admin's payer rule
    /// change replans in the background): SQLite (<c>Hangfire:SqlitePath</c>, default hangfire.db beside the Appeals
    /// database) unless <c>Database:Provider</c> is sqlserver or postgres, then that server (<c>ConnectionStrings:Hangfire</c>,
    /// else <c>ConnectionStrings:Appeals</c>; on PostgreSQL in the schema <c>hangfire</c>), which the job servers of every node
    /// share. The storage is opened when first used.
    /// </summary>
    public static IServiceCollection AddAppealsJobStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddScoped<PayerRuleOverrides>();
        var provider = AppealsDatabase.ParseProvider(configuration["Database:Provider"]);
        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            var serverConnection = configuration.GetConnectionString("Hangfire") ?? configuration.GetConnectionString("Appeals");
            if (provider == DatabaseProvider.SqlServer)
                hangfire.UseSqlServerStorage(serverConnection);
            else if (provider == DatabaseProvider.PostgreSql)
                // The storage's distributed locks make a recurring job run once per schedule across nodes.
                hangfire.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(serverConnection), new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
            else
                hangfire.UseSQLiteStorage(SqlitePath(configuration), new SQLiteStorageOptions());
        });
        return services;
    }

    /// <summary>
    /// Runs Hangfire's server in this host and registers the recurring jobs at start. <c>Hangfire:SchedulePollingInterval</c>
    /// (a TimeSpan, default Hangfire's 15 s) is how often this server looks for due recurring and delayed jobs: the
    /// two-node test shortens it to see several schedules race in seconds.
    /// </summary>
    public static IServiceCollection AddAppealsJobServer(this IServiceCollection services)
    {
        services.AddHangfireServer((provider, options) =>
        {
            if (TimeSpan.TryParse(provider.GetRequiredService<IConfiguration>()["Hangfire:SchedulePollingInterval"], System.Globalization.CultureInfo.InvariantCulture, out var interval))
                options.SchedulePollingInterval = interval;
        });
        services.AddHostedService<RecurringJobsRegistration>();
        return services;
    }

    private static string SqlitePath(IConfiguration configuration)
    {
        var path = configuration["Hangfire:SqlitePath"];
        if (string.IsNullOrWhiteSpace(path))
            path = Path.Combine(Path.GetDirectoryName(AppealsDatabase.DefaultSqlitePath)!, "hangfire.db");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return path;
    }

    private sealed class RecurringJobsRegistration(IRecurringJobManager jobs) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            RecurringJobs.Register(jobs);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
