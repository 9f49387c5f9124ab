using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Contracts;

/// <summary>
/// One payer's fee schedule in memory, for looking up the rate in force for a service line: the modifier's own rate when
/// it has one on that date, else the rate for any modifier (an empty modifier in the CSV), else a percentage of a named base
/// schedule for every code (<see cref="PayerContract.AnyCode"/>). A percentage rate is priced from its base schedule's rate for
/// the same code, modifier and date; a base schedule's own percentage rates are not followed (one level).
/// </summary>
public sealed class ContractSchedule
{
    private readonly Dictionary<(string Code, string Modifier), PayerContract[]> _rates;
    private readonly IReadOnlyDictionary<string, ContractSchedule> _bases;

    public ContractSchedule(IEnumerable<PayerContract> rates, IReadOnlyDictionary<string, ContractSchedule>? bases = null)
    {
        _rates = rates.GroupBy(r => (r.ProcedureCode, r.Modifier))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.EffectiveFrom).ToArray());
        _bases = bases ?? new Dictionary<string, ContractSchedule>(StringComparer.Ordinal);
    }

    public int Count => _rates.Values.Sum(r => r.Length);

    /// <summary>
    /// The payer's stored schedule, null when it has none. The CSV names a payer as the 835 does (issue 16): by its
    /// identifier, else by its name; rates under the identifier win when both exist.
    /// </summary>
    public static async Task<ContractSchedule?> LoadAsync(AppealsDbContext db, Payer payer, CancellationToken ct)
    {
        var rates = await db.PayerContracts.AsNoTracking()
            .Where(c => c.PayerIdentifier == payer.Identifier || c.PayerIdentifier == payer.Name).ToListAsync(ct);
        if (rates.Count == 0) return null;
        var own = rates.Where(r => r.PayerIdentifier == payer.Identifier).ToList();
        if (own.Count == 0) own = rates;
        var named = own.Where(r => r.BaseSchedule.Length > 0).Select(r => r.BaseSchedule).Distinct(StringComparer.Ordinal).ToList();
        if (named.Count == 0) return new ContractSchedule(own);
        var bases = (await db.PayerContracts.AsNoTracking().Where(c => named.Contains(c.PayerIdentifier)).ToListAsync(ct))
            .GroupBy(c => c.PayerIdentifier, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new ContractSchedule(g), StringComparer.Ordinal);
        return new ContractSchedule(own, bases);
    }

    /// <summary>
    /// The rate in force for a line and its price per unit: a fixed amount, or the percentage of the base schedule's rate
    /// (<paramref name="basis"/> is then that base rate). Null with <paramref name="why"/> when there is none.
    /// </summary>
    public PayerContract? Price(string code, string modifiers, DateOnly date, out decimal perUnit, out PayerContract? basis, out string why)
    {
        (perUnit, basis, why) = (0, null, "");
        var rate = Find(code, modifiers, date) ?? Find(PayerContract.AnyCode, modifiers, date);
        if (rate is null)
        {
            why = HasCode(code, modifiers) || HasCode(PayerContract.AnyCode, modifiers)
                ? $"no rate for {code} in force on {date:yyyy-MM-dd}"
                : $"the contract has no rate for {code}";
            return null;
        }
        if (rate.PercentOfBase is not { } percent)
        {
            perUnit = rate.AllowedAmount;
            return rate;
        }
        if (!_bases.TryGetValue(rate.BaseSchedule, out var schedule) || schedule.Find(code, modifiers, date) is not { PercentOfBase: null } b)
        {
            why = $"the base schedule {rate.BaseSchedule} has no rate for {code} in force on {date:yyyy-MM-dd}";
            return null;
        }
        (perUnit, basis) = (decimal.Round(b.AllowedAmount * percent / 100m, 2), b);
        return rate;
    }

    /// <summary>The rate for <paramref name="code"/> with <paramref name="modifiers"/> (SVC01-3..6 joined by ':') on <paramref name="date"/>, if any.</summary>
    public PayerContract? Find(string code, string modifiers, DateOnly date)
    {
        if (modifiers.Length > 0)
            foreach (var modifier in modifiers.Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (InForce(code, modifier.ToUpperInvariant(), date) is { } own) return own;
        return InForce(code, "", date);
    }

    /// <summary>Whether the schedule has any rate for the code, on any date (to say why a line has no variance).</summary>
    public bool HasCode(string code, string modifiers) =>
        _rates.ContainsKey((code, "")) || modifiers.Split(':', StringSplitOptions.RemoveEmptyEntries).Any(m => _rates.ContainsKey((code, m.ToUpperInvariant())));

    private PayerContract? InForce(string code, string modifier, DateOnly date)
    {
        if (!_rates.TryGetValue((code, modifier), out var rates)) return null;
        foreach (var rate in rates)
            if (rate.Covers(date)) return rate;
        return null;
    }
}
