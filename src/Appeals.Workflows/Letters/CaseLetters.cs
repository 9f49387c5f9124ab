using System.Security.Cryptography;
using Appeals.Core.Denials;
using Appeals.Core.Letters;
using Appeals.Core.Persistence;
using Appeals.Workflows.Deadlines;
using Appeals.Workflows.Routing;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Letters;

/// <summary>The result of generating a case's letter: the stored version, or why none was made.</summary>
public sealed record LetterResult(AppealLetter? Letter, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Letter is not null;
}

/// <summary>
/// Generates a case's letter as a new stored version (with its SHA-256) and records a user's sign-off,
/// which the workflow requires before submission.
/// </summary>
public sealed class CaseLetters(AppealsDbContext db, LetterTemplateStore templates, LetterSettings settings, TimeProvider time)
{
    /// <summary>Renders and stores the next letter version. <paramref name="entered"/> holds the specialist's fields (argument, enclosures...).</summary>
    public async Task<LetterResult> GenerateAsync(long caseId, IReadOnlyDictionary<string, string> entered, string user,
        string? kind = null, CancellationToken ct = default)
    {
        var denial = await db.DenialCases.Include(c => c.Payer).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (denial is null) return new LetterResult(null, [$"Denial case {caseId} does not exist."]);
        if (denial.DeadlineBasis.Length == 0)
            await new CaseDeadlinePlanner(db, new AppealRuleBook(db)).PlanAsync(denial, ct);
        var route = WorkflowRoutes.Current(denial);
        if (kind is null && !WorkflowRoutes.SendsLetter(route))
            return new LetterResult(null, [$"Case {caseId} is on the {route.Replace('_', ' ')} route, which sends the payer no letter. " +
                "Move it to the appeal letter route first, or name the letter kind."]);
        kind ??= LetterKinds.For(denial, denial.Payer?.PayerType ?? "");
        var template = await templates.CurrentAsync(kind, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var values = await LetterFieldValues.ForCaseAsync(db, denial, settings.Fields, entered, today, ct);
        var rendering = LetterRenderer.Render(template.Content, values);
        if (!rendering.Succeeded) return new LetterResult(null, rendering.Errors);

        var version = (await db.AppealLetters.Where(l => l.DenialCaseId == caseId).MaxAsync(l => (int?)l.VersionNumber, ct) ?? 0) + 1;
        var letter = new AppealLetter
        {
            DenialCaseId = caseId, Kind = kind, TemplateVersion = template.Version, AppealLevel = denial.AppealLevel,
            VersionNumber = version, Content = rendering.Document!, Sha256 = Convert.ToHexStringLower(SHA256.HashData(rendering.Document!)),
            CreatedBy = user, CreatedAt = time.GetUtcNow(),
        };
        db.AppealLetters.Add(letter);
        await db.SaveChangesAsync(ct);
        return new LetterResult(letter, []);
    }

    /// <summary>
    /// The letter a case would get now and the fields of <see cref="LetterFields.FromSpecialist"/> its current template asks
    /// for, so that the form shows those and marks them needed. Null when the case's route sends the payer no letter.
    /// </summary>
    public async Task<LetterNeeds?> NeedsAsync(DenialCase denial, string payerType, CancellationToken ct = default)
    {
        if (!WorkflowRoutes.SendsLetter(WorkflowRoutes.Current(denial))) return null;
        var kind = LetterKinds.For(denial, payerType);
        var names = await templates.CurrentPlaceholdersAsync(kind, ct);
        return new LetterNeeds(kind, LetterFields.FromSpecialist.Where(names.Contains).ToList());
    }

    /// <summary>Signs off a letter version. Only the newest version of the case can be signed.</summary>
    public async Task<LetterResult> SignOffAsync(long letterId, string user, CancellationToken ct = default)
    {
        var letter = await db.AppealLetters.FirstOrDefaultAsync(l => l.Id == letterId, ct);
        if (letter is null) return new LetterResult(null, [$"Letter {letterId} does not exist."]);
        var newest = await db.AppealLetters.Where(l => l.DenialCaseId == letter.DenialCaseId).MaxAsync(l => l.VersionNumber, ct);
        if (letter.VersionNumber != newest)
            return new LetterResult(null, [$"Letter version {letter.VersionNumber} is not the newest ({newest}): sign off the newest."]);
        if (letter.SignedOffBy is not null) return new LetterResult(letter, []);
        letter.SignedOffBy = user;
        letter.SignedOffAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new LetterResult(letter, []);
    }
}

/// <summary>The letter kind a case gets and the specialist's fields its template uses, in form order.</summary>
public sealed record LetterNeeds(string Kind, IReadOnlyList<string> Fields);

/// <summary>Letter configuration: <c>Letters:TemplatesPath</c> and the appellant's fields <c>Letters:Fields:*</c>.</summary>
public sealed class LetterSettings
{
    public string TemplatesPath { get; set; } = LetterTemplateStore.DefaultFolder;
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.Ordinal);
}
