using System.Globalization;
using Appeals.Core.Audit;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Web.Identity;
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

    /// <summary>Fires a workflow trigger; an illegal move comes back as the workflow's own message.</summary>
    [HttpPost("Move")]
    public async Task<IActionResult> Move(long id, string trigger, string? reason, CancellationToken ct)
    {
        var result = await workflow.FireAsync(id, trigger, Actor, reason ?? "", ct);
        if (result.Succeeded)
        {
            var t = result.Transition!;
            // Whoever works an unassigned case takes it: no case is in progress with nobody on it.
            var taken = await db.DenialCases.Where(c => c.Id == id && c.AssignedTo == "")
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AssignedTo, Actor.Name).SetProperty(c => c.Version, Guid.NewGuid()), ct) == 1;
            await audit.AppendAsync(Actor.Name, AuditActions.WorkflowMove, nameof(DenialCase), Key(id), reason ?? "",
                $"{t.Trigger}: {t.FromState} → {t.ToState} ({t.Route} v{t.WorkflowVersion})" + (taken ? $"; assigned to {Actor.Name}" : ""), ct);
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
        var result = await letters.GenerateAsync(id, values, Actor.Name, ct: ct);
        if (result.Succeeded)
        {
            await audit.AppendAsync(Actor.Name, AuditActions.LetterGenerate, nameof(DenialCase), Key(id), "",
                $"letter {result.Letter!.Id} v{result.Letter.VersionNumber} {result.Letter.Kind} sha256 {result.Letter.Sha256[..12]}", ct);
            TempData["Message"] = $"Letter version {result.Letter.VersionNumber} generated: preview it, then sign it off (Letters).";
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
        var result = await letters.SignOffAsync(letterId, Actor.Name, ct);
        if (result.Succeeded)
        {
            await audit.AppendAsync(Actor.Name, AuditActions.LetterSignOff, nameof(DenialCase), Key(id), "", $"letter {letterId} v{result.Letter!.VersionNumber}", ct);
            TempData["Message"] = $"Letter version {result.Letter.VersionNumber} signed off.";
        }
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
