namespace Appeals.Web.Security;

/// <summary>
/// Headers on every response: a strict CSP (scripts and styles from this site only, no framing),
/// no MIME sniffing, no framing, no referrer outside the site, and no caching: pages, letters, attachments and exports
/// may carry patient data, so no browser or proxy keeps a copy (static files relax this where they are served).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The Hangfire dashboard (admins only) writes inline scripts and styles of its own.
    private const string HangfirePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/hangfire") ? HangfirePolicy : Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache, no-store"; // the same words antiforgery uses, so it does not warn when it sets them again
        headers.Pragma = "no-cache";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next(context);
    }
}
