using System.Globalization;
using Appeals.Core.Audit;
using Appeals.Web.Identity;
using Appeals.Workflows.Letters;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Appeals.Web.Admin;

/// <summary>One letter kind on the templates page, with its versions newest first.</summary>
public sealed record TemplateKindRow(string Kind, IReadOnlyList<LetterTemplateListing> Versions);

/// <summary>
/// For admins: each letter kind's template versions, upload of a new one through the same validated store as
/// <c>appeals letters upload-template</c>, and download of any version.
/// </summary>
[Authorize(Policy = AppealsPolicies.Administer)]
[Route("Admin/Templates")]
public sealed class LetterTemplatesController(LetterTemplateStore store, AuditLog audit) : Controller
{
    /// <summary>A template is a Word document of a few pages; anything larger is not one.</summary>
    public const long MaxTemplateBytes = 10 * 1024 * 1024;
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var kinds = new List<TemplateKindRow>();
        foreach (var kind in LetterKinds.All) kinds.Add(new TemplateKindRow(kind, await store.VersionsAsync(kind, ct)));
        return View(kinds);
    }

    /// <summary>Stores a new version once it passes the checks; the admin sees every reason when it does not.</summary>
    [HttpPost("")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Security.RequestRateLimits.Uploads)]
    [RequestSizeLimit(MaxTemplateBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxTemplateBytes + 64 * 1024)]
    public async Task<IActionResult> Upload(string kind, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Refused("Choose a .docx file to upload.");
        if (file.Length > MaxTemplateBytes) return Refused($"{file.FileName} is larger than {MaxTemplateBytes / (1024 * 1024)} MB.");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var (template, errors) = await store.UploadAsync(kind ?? "", buffer.ToArray(), User.Identity!.Name!, ct);
        if (template is null) return Refused([$"{file.FileName} was not stored:", .. errors]);
        await audit.AppendAsync(User.Identity!.Name!, AuditActions.TemplateUpload, "LetterTemplate",
            template.Id.ToString(CultureInfo.InvariantCulture), details: $"{template.Kind} version {template.Version} sha256 {template.Sha256}", ct: ct);
        TempData["Message"] = $"{template.Kind} version {template.Version} stored (SHA-256 {template.Sha256}); new letters use it.";
        return Redirect("/Admin/Templates#kind-" + template.Kind);
    }

    [HttpGet("{kind}/{version:int}")]
    public async Task<IActionResult> Download(string kind, int version, CancellationToken ct)
    {
        if (await store.VersionAsync(kind, version, ct) is not { } template) return NotFound();
        await audit.AppendAsync(User.Identity!.Name!, AuditActions.Download, "LetterTemplate", $"{kind}/{version}", details: "template download", ct: ct);
        return File(template.Content, DocxType, $"{kind}-v{version}.docx");
    }

    private RedirectResult Refused(params string[] problems)
    {
        TempData["Problem"] = string.Join("\n", problems);
        return Redirect("/Admin/Templates");
    }
}
