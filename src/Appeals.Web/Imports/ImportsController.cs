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
public sealed class ImportsController(AppealsDbContext db, ImportJobs jobs, IOptions<ImportUploadOptions> options, IOptions<Hosting.StorageOptions> storage) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        // Without OriginalBytes: a refused file's bytes are PHI, decrypted only when someone opens that file, not on every view.
        var recent = await db.ImportedFiles.AsNoTracking().OrderByDescending(f => f.Id).Take(20)
            .Select(f => new ImportedFile
            {
                Id = f.Id, FileName = f.FileName, ContentHash = f.ContentHash, SizeBytes = f.SizeBytes, ImportedAt = f.ImportedAt, Status = f.Status,
                TransactionsImported = f.TransactionsImported, TransactionsDuplicate = f.TransactionsDuplicate, TransactionsRejected = f.TransactionsRejected,
            })
            .ToListAsync(ct);
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
            else if (!limits.Extensions.Contains(Path.GetExtension(file.FileName).ToLowerInvariant()) && !X12Sniff.LooksLike835(file))
                problems.Add($"{file.FileName} is not an 835 file: its name does not end in {string.Join(", ", limits.Extensions)} " +
                    "and its content does not start with an X12 envelope (ISA) or transaction (ST*835).");
        }
        if (problems.Count > 0)
        {
            TempData["Problem"] = string.Join(" ", problems);
            return RedirectToAction(nameof(Index));
        }

        var folder = Path.Combine(storage.Value.Root, "uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var names = new List<string>();
        try
        {
            foreach (var file in form.Files)
            {
                // Never trust the client's path or its length: keep the bare name, shortened, prefixed by its position so two alike never clash.
                var name = Path.GetFileName(file.FileName);
                await using var target = System.IO.File.Create(Path.Combine(folder, $"{names.Count + 1:000}-{StoredName(name)}"));
                await file.CopyToAsync(target, ct);
                names.Add(name);
            }
        }
        catch
        {
            // Nothing half-written: no folder of an upload that never became a job.
            Directory.Delete(folder, recursive: true);
            throw;
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

    /// <summary>A file name fit for any file system: at most 100 characters, its extension kept.</summary>
    internal static string StoredName(string name)
    {
        const int max = 100;
        if (name.Length <= max) return name;
        var extension = Path.GetExtension(name) is { Length: <= 10 } e ? e : "";
        return name[..(max - extension.Length)] + extension;
    }
}
