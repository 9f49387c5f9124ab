using System.Globalization;
using Appeals.Core.Audit;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Web.Identity;
using Appeals.Workflows;
using Appeals.Workflows.Letters;
using Appeals.Workflows.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Cases;

/// <summary>What people do on a case: workflow moves, letters (generate, preview, download, sign off). Every action is audited.</summary>
[Authorize(Policy = AppealsPolicies.WorkCases)]
[Route("Cases/{id:long}")]
public sealed class CaseWorkController(AppealsDbContext db, CaseWorkflow workflow, CaseLetters letters, AuditLog audit) : Controller
{
    private WorkflowActor Actor => new(User.Identity!.Name!, User.IsInRole(AppealsRoles.Manager));
    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Fires a workflow trigger; an illegal move comes back as the workflow's own message, and so does a move on a case that
    /// changed since the page showed it (<paramref name="version"/>, the case's version on the page; checked in the same
    /// transaction as the move).
    /// </summary>
    [HttpPost("Move")]
    public async Task<IActionResult> Move(long id, string trigger, string? reason, Guid? version, CancellationToken ct)
    {
        var taken = false;
        var result = await audit.RecordAsync(async () =>
            {
                if (version is { } seen && await db.DenialCases.AnyAsync(c => c.Id == id && c.Version != seen, ct))
                    return WorkflowResult.Refused(WorkflowErrorCode.ConcurrentChange, "This case changed since you opened it: look at it again before you move it.");
                var moved = await workflow.FireAsync(id, trigger, Actor, reason ?? "", ct);
                // Whoever works an unassigned case takes it: no case is in progress with nobody on it.
                if (moved.Succeeded)
                    taken = await db.DenialCases.Where(c => c.Id == id && c.AssignedTo == "")
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedTo, Actor.Name).SetProperty(c => c.Version, Guid.NewGuid()), ct) == 1;
                return moved;
            },
            r => CaseAuditRecords.Moved(r, Actor.Name, id, reason ?? "", assignedTo: taken ? Actor.Name : null), ct);
        if (result.Succeeded)
        {
            var t = result.Transition!;
            TempData["Message"] = $"Moved: {Words(t.FromState)} → {Words(t.ToState)}." + (taken ? " The case is now yours." : "");
        }
        else TempData["Problem"] = result.Error!.Message;
        return Redirect($"/Cases/{id}");
    }

    [HttpPost("Letters")]
    public async Task<IActionResult> Generate(long id, CancellationToken ct)
    {
        // Only the fields a specialist writes; everything else comes from the case and Letters:Fields.
        var entered = LetterFields.FromSpecialist.Where(f => !string.IsNullOrWhiteSpace(Request.Form[f]))
            .ToDictionary(f => f, f => Request.Form[f].ToString().Trim(), StringComparer.Ordinal);
        var values = new Dictionary<string, string>(entered, StringComparer.Ordinal);
        values.TryAdd(LetterFields.SignatureName, Actor.Name);
        var result = await audit.RecordAsync(() => letters.GenerateAsync(id, values, Actor.Name, ct: ct),
            r => CaseAuditRecords.LetterGenerated(r, Actor.Name, id), ct);
        if (result.Succeeded)
        {
            TempData["Message"] = $"Letter version {result.Letter!.VersionNumber} generated: preview it, then sign it off (Letters).";
            return Redirect($"/Cases/{id}#letters");
        }
        // Back to the form, next to it, with everything typed still there.
        TempData["LetterProblem"] = "The letter was not generated. " + string.Join(" ", result.Errors);
        LetterDraft.Keep(TempData, entered);
        return Redirect($"/Cases/{id}#generate-letter");
    }

    [HttpGet("Letters/{letterId:long}")]
    public async Task<IActionResult> Download(long id, long letterId, CancellationToken ct)
    {
        var letter = await db.AppealLetters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == letterId && l.DenialCaseId == id, ct);
        if (letter is null) return NotFound();
        await audit.AppendAsync(Actor.Name, AuditActions.Download, nameof(DenialCase), Key(id), "", $"letter {letterId} v{letter.VersionNumber}", ct);
        return File(letter.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"case-{id}-{letter.Kind}-v{letter.VersionNumber}.docx");
    }

    [HttpGet("Letters/{letterId:long}/Preview")]
    public async Task<IActionResult> Preview(long id, long letterId, CancellationToken ct)
    {
        var letter = await db.AppealLetters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == letterId && l.DenialCaseId == id, ct);
        if (letter is null) return NotFound();
        await audit.AppendAsync(Actor.Name, AuditActions.CaseView, nameof(DenialCase), Key(id), "", $"letter {letterId} preview", ct);
        return View(new LetterPreview(id, letter.Id, letter.VersionNumber, letter.Kind, letter.SignedOffBy, LetterPreview.Paragraphs(letter.Content)));
    }

    [HttpPost("Letters/{letterId:long}/SignOff")]
    public async Task<IActionResult> SignOff(long id, long letterId, CancellationToken ct)
    {
        // The letter id alone would sign any case's letter while the audit row named the case in the URL.
        if (!await db.AppealLetters.AnyAsync(l => l.Id == letterId && l.DenialCaseId == id, ct)) return NotFound();
        var result = await audit.RecordAsync(() => letters.SignOffAsync(letterId, Actor.Name, ct),
            r => CaseAuditRecords.LetterSignedOff(r, Actor.Name), ct);
        if (result.Letter is { } letter) TempData["Message"] = $"Letter version {letter.VersionNumber} signed off.";
        else TempData["Problem"] = string.Join("; ", result.Errors);
        return Redirect($"/Cases/{id}#letters");
    }

    private static string Words(string code) => code.Replace('_', ' ');
}

/// <summary>A letter's text for reading in the browser (the .docx stays the document of record).</summary>
public sealed record LetterPreview(long CaseId, long LetterId, int Version, string Kind, string? SignedOffBy, IReadOnlyList<string> Text)
{
    public static IReadOnlyList<string> Paragraphs(byte[] docx)
    {
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText).ToList();
    }
}
