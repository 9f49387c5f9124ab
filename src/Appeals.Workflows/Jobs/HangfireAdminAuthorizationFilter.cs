using Hangfire.Dashboard;

namespace Appeals.Workflows.Jobs;

/// <summary>
/// Lets only signed-in users in the Admin role see the Hangfire dashboard. Hangfire's default filter
/// allows local requests only, which answers 401 through the in-memory test server and is wrong behind
/// a proxy; roles are what the app authorises by.
/// </summary>
public sealed class HangfireAdminAuthorizationFilter(string role = HangfireAdminAuthorizationFilter.AdminRole) : IDashboardAuthorizationFilter
{
    public const string AdminRole = "Admin";

    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(role);
    }
}
