using Appeals.Analytics;
using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Appeals.Web.Demo;
using Appeals.Web.Identity;
using Appeals.Web.Security;
using Appeals.Workflows;
using Microsoft.AspNetCore.Mvc;

namespace Appeals.Web.Hosting;

public static class AppealsWebServiceCollectionExtensions
{
    /// <summary>Everything the web app needs: Core (database, importer), Identity, MVC with antiforgery on every POST, the demo seeder.</summary>
    public static IServiceCollection AddAppealsWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // Core opens the PHI ring (DataProtection:KeysPath, ADR 0071) that the CLI shares; cookies and antiforgery sign with
        // the sessions ring (DataProtection:SessionKeysPath), so neither ring's copy opens the other's secrets (ADR 0087).
        services.AddAppealsCore(configuration);
        services.AddAppealsSessionProtection(configuration);
        services.AddAppealsIdentity(configuration);
        services.AddAppealsAnalytics();
        services.AddAppealsWorkflows(configuration);
        services.AddAppealsJobStorage(configuration);
        services.AddAppealsJobServer();
        services.AddControllersWithViews(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddAppealsTransportSecurity(configuration);
        services.AddAppealsRateLimits(configuration);
        services.Configure<DemoSeedOptions>(configuration.GetSection(DemoSeedOptions.Section));
        services.AddScoped<DemoSeeder>();
        // Page views, downloads and sign-ins share one audit transaction per group commit instead of queueing on a lock (ADR 0086):
        // the AuditLog that AddAppealsWorkflows registers takes the queue when the host has one.
        services.AddSingleton<Core.Audit.AuditAppendQueue>();
        // One computation of a filter's dashboard figures serves every manager for Dashboard:RefreshSeconds (ADR 0082).
        services.Configure<Dashboard.DashboardOptions>(configuration.GetSection(Dashboard.DashboardOptions.Section));
        services.AddSingleton<Dashboard.DashboardSnapshots>();
        services.AddHostedService<Dashboard.DashboardWarmup>();
        services.AddScoped<Queue.QueueQuery>();
        services.AddScoped<Queue.CaseAssignment>();
        services.AddSingleton<Queue.CaseWorkers>();
        services.AddScoped<Audit.AppealTimeline>();
        services.AddSingleton<Audit.AuditChainStatus>();
        services.AddScoped<Admin.ModelStatusReader>();
        services.AddOptions<Cases.AttachmentOptions>().Bind(configuration.GetSection(Cases.AttachmentOptions.Section))
            .Validate(o => o.IsValid, "Attachments:AllowedTypes must name known types (pdf, png, jpeg, tiff, docx, txt) and Attachments:MaxFileBytes be positive.")
            .ValidateOnStart();
        services.AddScoped<Cases.CaseAttachmentStore>();
        services.Configure<Imports.ImportUploadOptions>(configuration.GetSection("Imports"));
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.AddSingleton<Imports.ImportJobs>();
        services.AddHostedService<Imports.ImportJobRunner>();
        return services;
    }
}
