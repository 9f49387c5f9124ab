using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Appeals.Web.Imports;

/// <summary>
/// Refuses an upload larger than the limit before anything else reads its body: by its Content-Length
/// when it has one (a clean 413 page at once), else (a chunked upload) by reading the form here under the
/// limit, so that going over it is the same 413 page rather than the antiforgery check's bare 400.
/// Ordered before the antiforgery check, which then finds the form already read.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UploadLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 900;

    /// <summary>Use the attachment limits (Attachments:*) instead of the 835 upload limits (Imports:*).</summary>
    public bool Attachments { get; init; }

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var services = context.HttpContext.RequestServices;
        var limit = Attachments
            ? services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Cases.AttachmentOptions>>().Value.MaxRequestBytes
            : services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportUploadOptions>>().Value.MaxRequestBytes;
        var request = context.HttpContext.Request;
        if (request.ContentLength > limit)
        {
            context.Result = TooLarge();
            return;
        }
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        context.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit }));
        if (request.ContentLength is not null || !request.HasFormContentType) return;
        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            context.Result = TooLarge();
        }
    }

    private static ViewResult TooLarge() => new() { ViewName = "TooLarge", StatusCode = StatusCodes.Status413PayloadTooLarge };
}

/// <summary>Imports:MaxFileBytes, Imports:MaxRequestBytes, and the file types accepted.</summary>
public sealed class ImportUploadOptions
{
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;
    public long MaxRequestBytes { get; set; } = 100L * 1024 * 1024;
    public string[] Extensions { get; set; } = [".835", ".edi", ".x12", ".txt", ".era"];
}
