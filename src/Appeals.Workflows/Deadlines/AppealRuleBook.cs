using Appeals.Core.Deadlines;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Deadlines;

/// <summary>
/// The rules that apply to one payer: its admin overrides, else its payer type's shipped rules. A book reads
/// each payer's overrides once and keeps them: make one per unit of work (a request, a remittance's cases),
/// so that planning a thousand cases of one payer costs one query, and a rule changed later is read afresh.
/// </summary>
public sealed class AppealRuleBook(AppealsDbContext db)
{
    private readonly Dictionary<long, IReadOnlyList<AppealRule>> _read = [];

    /// <summary>Every level that applies to the payer (override wins per level), ordered by level.</summary>
    public async Task<IReadOnlyList<AppealRule>> LevelsForAsync(Payer payer, CancellationToken ct = default)
    {
        if (_read.TryGetValue(payer.Id, out var levels)) return levels;
        var overrides = await db.Set<PayerAppealRule>().AsNoTracking()
            .Where(r => r.PayerId == payer.Id).ToListAsync(ct);
        return _read[payer.Id] = Merge(payer, overrides);
    }

    /// <summary>The rule for one level, or why there is none.</summary>
    public async Task<RuleLookup> FindAsync(Payer payer, int level, CancellationToken ct = default)
    {
        var rule = (await LevelsForAsync(payer, ct)).FirstOrDefault(r => r.Level == level);
        return rule is not null
            ? new RuleLookup.Found(rule)
            : new RuleLookup.Missing(payer.Id, payer.PayerType, level,
                $"No appeal rule for payer {payer.Id} (type {payer.PayerType}) at level {level}: an admin must enter one.");
    }

    /// <summary>The highest appeal level that can be filed for this payer (0 when none).</summary>
    public async Task<int> HighestLevelAsync(Payer payer, CancellationToken ct = default) =>
        (await LevelsForAsync(payer, ct)).Select(r => r.Level).DefaultIfEmpty(0).Max();

    /// <summary>The effective rules of a payer from its overrides (already loaded) and its type's shipped rules.</summary>
    public static IReadOnlyList<AppealRule> Merge(Payer payer, IReadOnlyList<PayerAppealRule> overrides)
    {
        var byLevel = ShippedAppealRules.ForPayerType(payer.PayerType).ToDictionary(r => r.Level);
        foreach (var o in overrides)
        {
            byLevel[o.Level] = new AppealRule($"payer:{payer.Id}", o.Level, o.Name, o.DeadlineDays, o.DeadlineMonths,
                o.PresumedReceiptDays, o.ClockStartsFrom, o.Citation, AppealRule.PayerOverride);
        }
        return byLevel.Values.OrderBy(r => r.Level).ToList();
    }
}

/// <summary>The outcome of looking up a payer's rule: found, or flagged as missing (never a silent default).</summary>
public abstract record RuleLookup
{
    private RuleLookup() { }

    public sealed record Found(AppealRule Rule) : RuleLookup;

    public sealed record Missing(long PayerId, string PayerType, int Level, string Reason) : RuleLookup;
}
