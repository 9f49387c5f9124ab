using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Appeals.Web.Security;

/// <summary>
/// ASP.NET Core rate limiting on the two doors that cost the most (issue 14 item 6): sign-in attempts per client address
/// (<c>Security:SignInAttemptsPerMinute</c>, 30: a password guesser, not an office signing in at nine) and uploads per
/// user (<c>Security:UploadsPerMinute</c>, 30: 835 files, attachments, templates). Over the limit the answer is 429.
/// The client address is the forwarded one behind a known proxy (<see cref="TransportSecurity"/>).
/// </summary>
public static class RequestRateLimits
{
    public const string SignIn = "sign-in";
    public const string Uploads = "uploads";

    public static IServiceCollection AddAppealsRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signIns = configuration.GetValue("Security:SignInAttemptsPerMinute", 30);
        var uploads = configuration.GetValue("Security:UploadsPerMinute", 30);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return new ValueTask(context.HttpContext.Response.WriteAsync(
                    "Too many attempts in a minute from here: wait a minute and try again.", ct));
            };
            o.AddPolicy(SignIn, context => PerMinute(context.Connection.RemoteIpAddress?.ToString() ?? "", signIns));
            o.AddPolicy(Uploads, context => PerMinute(context.User.Identity?.Name ?? "", uploads));
        });
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
