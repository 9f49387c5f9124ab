using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Appeals.Web.Imports;

/// <summary>An upload's page: its batch row and, once done, what the import found.</summary>
public sealed record ImportBatchPage(ImportBatch Batch, ImportSummary? Summary);

/// <summary>Upload 835 files; each upload is imported by a background job whose progress the page polls.</summary>
[Authorize(Policy = AppealsPolicies.WorkCases)]
[Route("Imports")]
public sealed class ImportsController(AppealsDbContext db, ImportJobs jobs, IOptions<ImportUploadOptions> options, IConfiguration configuration) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var recent = await db.ImportedFiles.AsNoTracking().OrderByDescending(f => f.Id).Take(20).ToListAsync(ct);
        ViewData["Limits"] = options.Value;
        ViewData["Batches"] = await db.ImportBatches.AsNoTracking().OrderByDescending(b => b.CreatedAt).Take(10).ToListAsync(ct);
        return View(recent);
    }

    [HttpPost("")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Security.RequestRateLimits.Uploads)]
    [UploadLimit]
    public async Task<IActionResult> Upload(CancellationToken ct)
    {
        var limits = options.Value;
        var form = await Request.ReadFormAsync(ct);
        var problems = new List<string>();
        if (form.Files.Count == 0) problems.Add("Choose at least one 835 file.");
        foreach (var file in form.Files)
        {
            if (file.Length > limits.MaxFileBytes) problems.Add($"{file.FileName} is larger than {limits.MaxFileBytes / (1024 * 1024)} MB.");
            if (!limits.Extensions.Contains(Path.GetExtension(file.FileName).ToLowerInvariant()))
                problems.Add($"{file.FileName} is not an 835 file ({string.Join(", ", limits.Extensions)}).");
        }
        if (problems.Count > 0)
        {
            TempData["Problem"] = string.Join(" ", problems);
            return RedirectToAction(nameof(Index));
        }

        var folder = Path.Combine(StoragePath(configuration), "uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var names = new List<string>();
        foreach (var file in form.Files)
        {
            // Never trust the client's path: keep the bare name, prefixed by its position so two alike never clash.
            var name = $"{names.Count + 1:000}-{Path.GetFileName(file.FileName)}";
            await using var target = System.IO.File.Create(Path.Combine(folder, name));
            await file.CopyToAsync(target, ct);
            names.Add(Path.GetFileName(file.FileName));
        }
        var job = await jobs.EnqueueAsync(User.Identity!.Name!, names, folder, ct);
        return RedirectToAction(nameof(Job), new { id = job.Id });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Job(Guid id, CancellationToken ct) =>
        await db.ImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) is { } batch
            ? View(new ImportBatchPage(batch, ImportJobs.SummaryOf(batch)))
            : NotFound();

    /// <summary>What the progress bar polls: read from the batch's row, which the job keeps current.</summary>
    [HttpGet("{id:guid}/status")]
    public async Task<IActionResult> Status(Guid id, CancellationToken ct) =>
        await db.ImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) is { } b
            ? Json(new { state = b.State, percent = b.Percent, filesDone = b.FilesDone, files = b.FileCount, failure = b.Failure })
            : NotFound();

    /// <summary>Storage:Path: uploads and attachments, outside the database.</summary>
    public static string StoragePath(IConfiguration configuration) =>
        configuration["Storage:Path"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetDirectoryName(AppealsDatabase.DefaultSqlitePath)!, "files");
}
