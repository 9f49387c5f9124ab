using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Contracts;

/// <summary>
/// One payer's fee schedule in memory, for looking up the rate in force for a service line: the modifier's own rate when
/// it has one on that date, else the rate for any modifier (an empty modifier in the CSV).
/// </summary>
public sealed class ContractSchedule
{
    private readonly Dictionary<(string Code, string Modifier), PayerContract[]> _rates;

    public ContractSchedule(IEnumerable<PayerContract> rates) =>
        _rates = rates.GroupBy(r => (r.ProcedureCode, r.Modifier))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.EffectiveFrom).ToArray());

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
        return new ContractSchedule(own.Count > 0 ? own : rates);
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
