using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Workflows.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Routing;

/// <summary>What the guards need to know about a case, loaded once before a move (Stateless guards are synchronous).</summary>
internal sealed record GuardFacts(bool LetterSignedOff, bool HigherLevelExists)
{
    public static async Task<GuardFacts> LoadAsync(AppealsDbContext db, DenialCase denial, AppealRuleBook rules, CancellationToken ct)
    {
        // The newest letter of the current level must be the signed one: a re-rendered letter needs a new sign-off.
        var latest = await db.AppealLetters.AsNoTracking()
            .Where(l => l.DenialCaseId == denial.Id && l.AppealLevel == denial.AppealLevel)
            .OrderByDescending(l => l.VersionNumber)
            .Select(l => new { l.SignedOffBy })
            .FirstOrDefaultAsync(ct);
        return await FactsAsync(db, denial, latest?.SignedOffBy is not null, rules, ct);
    }

    /// <summary>Reads the letters of many cases in one query (chunked), for moves made in a batch.</summary>
    public static async Task<Preloaded> PreloadAsync(AppealsDbContext db, IReadOnlyList<long> caseIds, AppealRuleBook rules, CancellationToken ct)
    {
        var signed = new Dictionary<(long CaseId, int Level), bool>();
        var letters = await Outcomes.QueryChunk.ReadAsync(caseIds, chunk => db.AppealLetters.AsNoTracking().Where(l => EF.Parameter(chunk).Contains(l.DenialCaseId))
            .Select(l => new { l.DenialCaseId, l.AppealLevel, l.VersionNumber, l.SignedOffBy }), ct);
        foreach (var letter in letters.OrderBy(l => l.VersionNumber))
            signed[(letter.DenialCaseId, letter.AppealLevel)] = letter.SignedOffBy is not null; // the newest version wins
        return new Preloaded(db, signed, rules);
    }

    private static async Task<GuardFacts> FactsAsync(AppealsDbContext db, DenialCase denial, bool letterSignedOff, AppealRuleBook rules, CancellationToken ct)
    {
        var payer = denial.Payer ?? await db.Payers.FindAsync([denial.PayerId], ct);
        var highest = payer is null ? 0 : await rules.HighestLevelAsync(payer, ct);
        return new GuardFacts(letterSignedOff, denial.AppealLevel < highest);
    }

    /// <summary>The guards' facts of many cases, their letters read at once and their payers' rules once per payer.</summary>
    internal sealed class Preloaded(AppealsDbContext db, Dictionary<(long CaseId, int Level), bool> signed, AppealRuleBook rules)
    {
        public Task<GuardFacts> ForAsync(DenialCase denial, CancellationToken ct) =>
            FactsAsync(db, denial, signed.GetValueOrDefault((denial.Id, denial.AppealLevel)), rules, ct);
    }

    public bool Holds(MoveGuard guard, WorkflowActor actor) => guard switch
    {
        MoveGuard.None => true,
        MoveGuard.LetterSignedOff => LetterSignedOff,
        MoveGuard.ManagerApproval => actor.IsManager,
        MoveGuard.HigherLevelExists => HigherLevelExists,
        MoveGuard.ImportOnly => actor.IsSystem,
        _ => throw new InvalidOperationException($"Unhandled guard {guard}."),
    };

    public static string Describe(MoveGuard guard) => guard switch
    {
        MoveGuard.None => "nothing",
        MoveGuard.LetterSignedOff => "the latest letter of this level signed off by a user",
        MoveGuard.ManagerApproval => "a manager's approval",
        MoveGuard.HigherLevelExists => "a higher appeal level in the payer's rules",
        MoveGuard.ImportOnly => "a take-back on a later remittance, which only an import records",
        _ => throw new InvalidOperationException($"Unhandled guard {guard}."),
    };
}
