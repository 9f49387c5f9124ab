using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Appeals.Web.Imports;

/// <summary>
/// Refuses an upload larger than the limit before anything reads its body: by its Content-Length
/// when it has one (a clean 413 page at once), else by capping the server's body size. Ordered
/// before the antiforgery check, which would otherwise read the whole form first.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UploadLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => 900;

    /// <summary>Use the attachment limits (Attachments:*) instead of the 835 upload limits (Imports:*).</summary>
    public bool Attachments { get; init; }

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var services = context.HttpContext.RequestServices;
        var limit = Attachments
            ? services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Cases.AttachmentOptions>>().Value.MaxRequestBytes
            : services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportUploadOptions>>().Value.MaxRequestBytes;
        var request = context.HttpContext.Request;
        if (request.ContentLength > limit)
        {
            context.Result = new ViewResult { ViewName = "TooLarge", StatusCode = StatusCodes.Status413PayloadTooLarge };
            return;
        }
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        context.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }
}

/// <summary>Imports:MaxFileBytes, Imports:MaxRequestBytes, and the file types accepted.</summary>
public sealed class ImportUploadOptions
{
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;
    public long MaxRequestBytes { get; set; } = 100L * 1024 * 1024;
    public string[] Extensions { get; set; } = [".835", ".edi", ".x12", ".txt", ".era"];
}
