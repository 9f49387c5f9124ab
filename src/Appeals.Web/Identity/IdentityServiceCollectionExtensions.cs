using Appeals.Core.Persistence;
using Appeals.Web.Account;
using Microsoft.AspNetCore.Identity;

namespace Appeals.Web.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core Identity on the shared database: password policy, lockout, a sliding cookie that
    /// signs out after <c>Security:IdleTimeoutMinutes</c> (15) idle, and one policy per feature.
    /// </summary>
    public static IServiceCollection AddAppealsIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = AppealsDatabase.ParseProvider(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString("Appeals");
        void Configure(Microsoft.EntityFrameworkCore.DbContextOptionsBuilder o) =>
            IdentityDatabase.Configure(o, provider, AppealsDatabase.ResolveConnectionString(provider, connectionString));
        var untypedBefore = services.Count(d => d.ServiceType == typeof(Microsoft.EntityFrameworkCore.DbContextOptions));
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<AppealsIdentityDbContext, SqliteIdentityDbContext>(Configure, optionsLifetime: ServiceLifetime.Singleton);
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<AppealsIdentityDbContext, SqlServerIdentityDbContext>(Configure, optionsLifetime: ServiceLifetime.Singleton);
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContext<AppealsIdentityDbContext, PostgreSqlIdentityDbContext>(Configure, optionsLifetime: ServiceLifetime.Singleton);
                break;
        }
        // AddDbContext also maps the untyped DbContextOptions to the context it registers last; Core's
        // contexts take the untyped options, so that mapping must stay Core's.
        if (services.Count(d => d.ServiceType == typeof(Microsoft.EntityFrameworkCore.DbContextOptions)) > untypedBefore)
            services.Remove(services.Last(d => d.ServiceType == typeof(Microsoft.EntityFrameworkCore.DbContextOptions)));

        services.AddIdentity<IdentityUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Security:MaxFailedLogins", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:LockoutMinutes", 15));
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<AppealsIdentityDbContext>()
            .AddDefaultTokenProviders()
            // Identity's authenticator check, but each code is good once (ADR 0101).
            .AddTokenProvider<OneUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        var idle = TimeSpan.FromMinutes(configuration.GetValue("Security:IdleTimeoutMinutes", 15));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = idle;
            o.SlidingExpiration = true;
            o.Cookie.Name = "Appeals.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure outside Development: Security/TransportSecurity.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Identity's check of the security stamp (below) resolves a SignInManager, a UserManager and their database context
            // on every request only to find, almost always, that the interval has not passed: ask that first, the same way.
            var validatePrincipal = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = context => StampCheckDue(context) ? validatePrincipal(context) : Task.CompletedTask;
            var redirect = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToAccessDenied = async context =>
            {
                // A 403 is written to the audit log: someone tried a page or action their role does not allow.
                var request = context.Request;
                await context.HttpContext.RequestServices.GetRequiredService<Core.Audit.AuditLog>().AppendAsync(
                    context.HttpContext.User.Identity?.Name ?? "(anonymous)", Core.Audit.AuditActions.AccessDenied,
                    details: $"{request.Method} {request.Path.Value?[..Math.Min(request.Path.Value.Length, 500)]}", ct: context.HttpContext.RequestAborted);
                await redirect(context);
            };
        });
        // Re-check the security stamp often, so that a disabled user or a changed role takes effect soon.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            // The renewed principal is built from the database: keep the mark of a session that showed a second factor (ADR 0088).
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.SignedInWithSecondFactor() == true && context.NewPrincipal?.SignedInWithSecondFactor() == false)
                    context.NewPrincipal.Identities.First().AddClaim(new System.Security.Claims.Claim(
                        AccountRequirements.AuthenticationMethodClaim, AccountRequirements.MultiFactor));
                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AppealsPolicies.WorkCases, p => p.RequireRole(AppealsPolicies.Roles[AppealsPolicies.WorkCases]))
            .AddPolicy(AppealsPolicies.ViewDashboard, p => p.RequireRole(AppealsPolicies.Roles[AppealsPolicies.ViewDashboard]))
            .AddPolicy(AppealsPolicies.Audit, p => p.RequireRole(AppealsPolicies.Roles[AppealsPolicies.Audit]))
            .AddPolicy(AppealsPolicies.Administer, p => p.RequireRole(AppealsPolicies.Roles[AppealsPolicies.Administer]));

        services.Configure<UserSeedOptions>(configuration.GetSection("Demo"));
        services.AddScoped<UserSeeder>();
        return services;
    }

    /// <summary>
    /// Whether Identity's <see cref="SecurityStampValidator"/> would look at the database for this cookie: it does when the cookie
    /// has no issue time or was issued longer than <see cref="SecurityStampValidatorOptions.ValidationInterval"/> ago, by the
    /// validator's own clock; otherwise it returns at once, and so do we, without building it.
    /// </summary>
    internal static bool StampCheckDue(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
        return context.Properties.IssuedUtc is not { } issued || (options.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued > options.ValidationInterval;
    }
}
