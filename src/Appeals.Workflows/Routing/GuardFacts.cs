using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Workflows.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Routing;

/// <summary>What the guards need to know about a case, loaded once before a move (Stateless guards are synchronous).</summary>
internal sealed record GuardFacts(bool LetterSignedOff, bool HigherLevelExists)
{
    public static async Task<GuardFacts> LoadAsync(AppealsDbContext db, DenialCase denial, CancellationToken ct)
    {
        // The newest letter of the current level must be the signed one: a re-rendered letter needs a new sign-off.
        var latest = await db.AppealLetters.AsNoTracking()
            .Where(l => l.DenialCaseId == denial.Id && l.AppealLevel == denial.AppealLevel)
            .OrderByDescending(l => l.VersionNumber)
            .Select(l => new { l.SignedOffBy })
            .FirstOrDefaultAsync(ct);
        var payer = denial.Payer ?? await db.Payers.FindAsync([denial.PayerId], ct);
        var highest = payer is null ? 0 : await new AppealRuleBook(db).HighestLevelAsync(payer, ct);
        return new GuardFacts(latest?.SignedOffBy is not null, denial.AppealLevel < highest);
    }

    public bool Holds(MoveGuard guard, WorkflowActor actor) => guard switch
    {
        MoveGuard.None => true,
        MoveGuard.LetterSignedOff => LetterSignedOff,
        MoveGuard.ManagerApproval => actor.IsManager,
        MoveGuard.HigherLevelExists => HigherLevelExists,
        _ => throw new InvalidOperationException($"Unhandled guard {guard}."),
    };

    public static string Describe(MoveGuard guard) => guard switch
    {
        MoveGuard.None => "nothing",
        MoveGuard.LetterSignedOff => "the latest letter of this level signed off by a user",
        MoveGuard.ManagerApproval => "a manager's approval",
        MoveGuard.HigherLevelExists => "a higher appeal level in the payer's rules",
        _ => throw new InvalidOperationException($"Unhandled guard {guard}."),
    };
}
