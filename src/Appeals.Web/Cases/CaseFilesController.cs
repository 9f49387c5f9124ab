using System.Globalization;
using Appeals.Core.Audit;
using Appeals.Core.Cases;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Web.Identity;
using Appeals.Web.Imports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Appeals.Web.Cases;

/// <summary>Notes and attachments on a case. Notes are append-only; every note, upload and download is audited.</summary>
[Authorize(Policy = AppealsPolicies.WorkCases)]
[Route("Cases/{id:long}")]
public sealed class CaseFilesController(AppealsDbContext db, AuditLog audit, CaseAttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider clock)
    : Controller
{
    private string UserName => User.Identity!.Name!;
    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    [HttpPost("Notes")]
    public async Task<IActionResult> AddNote(long id, string? text, CancellationToken ct)
    {
        if (!await db.DenialCases.AnyAsync(c => c.Id == id, ct)) return NotFound();
        text = text?.Trim() ?? "";
        if (text.Length == 0) TempData["FilesProblem"] = "Write the note before adding it.";
        else if (text.Length > CaseNote.MaxTextLength) TempData["FilesProblem"] = $"A note may be up to {CaseNote.MaxTextLength} characters; this one has {text.Length}. Split it in two.";
        else
        {
            db.CaseNotes.Add(new CaseNote { DenialCaseId = id, Text = text, CreatedBy = UserName, CreatedAt = clock.GetUtcNow() });
            // The note's text stays out of the audit row (it may name the patient); the row says a note was added, by whom and when.
            await audit.AppendAsync(UserName, AuditActions.NoteAdd, nameof(DenialCase), Key(id), details: $"note of {text.Length} characters", ct: ct);
            TempData["FilesMessage"] = "Note added.";
        }
        return Redirect($"/Cases/{id}#files");
    }

    [HttpPost("Attachments")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Security.RequestRateLimits.Uploads)]
    [UploadLimit(Attachments = true)]
    public async Task<IActionResult> Upload(long id, CancellationToken ct)
    {
        if (!await db.DenialCases.AnyAsync(c => c.Id == id, ct)) return NotFound();
        var form = await Request.ReadFormAsync(ct);
        if (form.Files.Count == 0 || form.Files[0].Length == 0)
        {
            TempData["FilesProblem"] = "Choose a file to attach.";
            return Redirect($"/Cases/{id}#files");
        }
        var problems = new List<string>();
        var added = new List<string>();
        foreach (var file in form.Files)
        {
            if (file.Length > options.Value.MaxFileBytes)
            {
                problems.Add($"{CaseAttachmentStore.CleanName(file.FileName)} was not attached: it is larger than {AttachmentOptions.Size(options.Value.MaxFileBytes)}, the most an attachment may be.");
                continue;
            }
            await using var content = file.OpenReadStream();
            var outcome = await store.AddAsync(id, file.FileName, content, UserName, ct);
            if (outcome.Succeeded) added.Add(outcome.Attachment!.FileName);
            else problems.Add(outcome.Problem!);
        }
        if (added.Count > 0) TempData["FilesMessage"] = $"Attached: {string.Join(", ", added)}.";
        if (problems.Count > 0) TempData["FilesProblem"] = string.Join(" ", problems);
        return Redirect($"/Cases/{id}#files");
    }

    [HttpGet("Attachments/{attachmentId:long}")]
    public async Task<IActionResult> Download(long id, long attachmentId, CancellationToken ct)
    {
        var attachment = await db.CaseAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.DenialCaseId == id, ct);
        if (attachment is null) return NotFound();
        var stream = await store.OpenVerifiedAsync(attachment, ct);
        if (stream is null)
        {
            TempData["FilesProblem"] = $"Attachment {attachment.FileName} could not be downloaded: its stored file is missing or no longer matches the SHA-256 recorded at upload. Tell an admin; nothing was sent.";
            return Redirect($"/Cases/{id}#files");
        }
        await audit.AppendAsync(UserName, AuditActions.Download, nameof(DenialCase), Key(id),
            details: $"attachment {attachment.Id} {attachment.FileType} sha256 {attachment.Sha256[..12]}", ct: ct);
        return File(stream, attachment.ContentType, attachment.FileName);
    }
}
