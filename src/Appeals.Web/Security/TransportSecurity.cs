using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Appeals.Web.Security;

/// <summary>
/// The app behind a TLS-terminating proxy (issue 14 item 7): the scheme and client address are taken from
/// <c>X-Forwarded-Proto</c>/<c>X-Forwarded-For</c> only when the request comes from a proxy named in
/// <c>ForwardedHeaders:KnownProxies</c> (or loopback), and outside Development the sign-in and antiforgery cookies are
/// always Secure, whatever scheme the request arrived with.
/// </summary>
public static class TransportSecurity
{
    public static IServiceCollection AddAppealsTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new OptionsValidationException("ForwardedHeaders:KnownProxies", typeof(ForwardedHeadersOptions),
                        [$"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."]));
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<IWebHostEnvironment>((o, env) => o.Cookie.SecurePolicy = Policy(env));
        services.AddOptions<AntiforgeryOptions>().PostConfigure<IWebHostEnvironment>((o, env) => o.Cookie.SecurePolicy = Policy(env));
        return services;
    }

    /// <summary>Secure always, except on a developer's or the test server's plain HTTP.</summary>
    private static CookieSecurePolicy Policy(IWebHostEnvironment env) =>
        env.IsDevelopment() || env.IsEnvironment("Testing") ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
}
