namespace Appeals.ML.Features;

/// <summary>Which grouping of past outcomes a history feature reads.</summary>
public enum StatKind : byte
{
    Global, Category, PayerTypeCategory, PayerCategory, Payer, Carc, Provider, ProviderCategory,
    FamilyCategory, Procedure, Rarc,
}

/// <summary>Counts of past outcomes for one group: how many cases, how many recovered.</summary>
public record struct OutcomeCount(int Cases, int Recovered)
{
    public readonly double Rate(double prior, double weight) => (Recovered + weight * prior) / (Cases + weight);
}

/// <summary>
/// Past outcomes counted by group (payer × category, CARC, provider...). Features read it; during
/// training it only ever holds rows older than the row being featurised (see <see cref="HistoryFeatureStream"/>).
/// </summary>
public sealed class OutcomeStats
{
    private readonly Dictionary<(StatKind Kind, string A, string B), OutcomeCount> _counts = [];

    public int Cases => Get(StatKind.Global, "", "").Cases;

    public OutcomeCount Get(StatKind kind, string a, string b = "") =>
        _counts.TryGetValue((kind, a, b), out var c) ? c : default;

    public void Add(StatKind kind, string a, string b, bool recovered)
    {
        ref var c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, (kind, a, b), out _);
        c = new OutcomeCount(c.Cases + 1, c.Recovered + (recovered ? 1 : 0));
    }

    /// <summary>Adds one finished case to every group it belongs to.</summary>
    public void Add(CaseKeys keys, bool recovered)
    {
        Add(StatKind.Global, "", "", recovered);
        Add(StatKind.Category, keys.Category, "", recovered);
        Add(StatKind.PayerTypeCategory, keys.PayerType, keys.Category, recovered);
        Add(StatKind.PayerCategory, keys.PayerId, keys.Category, recovered);
        Add(StatKind.Payer, keys.PayerId, "", recovered);
        Add(StatKind.Carc, keys.GroupCode, keys.Carc, recovered);
        Add(StatKind.Provider, keys.ProviderId, "", recovered);
        Add(StatKind.ProviderCategory, keys.ProviderId, keys.Category, recovered);
        Add(StatKind.FamilyCategory, keys.Family, keys.Category, recovered);
        Add(StatKind.Procedure, keys.ProcedureCode, "", recovered);
        foreach (var rarc in keys.Rarcs) Add(StatKind.Rarc, rarc, "", recovered);
    }

    /// <summary>Flat rows for saving inside a model file.</summary>
    public IEnumerable<StatEntry> Entries() =>
        _counts.Select(kv => new StatEntry(kv.Key.Kind, kv.Key.A, kv.Key.B, kv.Value.Cases, kv.Value.Recovered));

    public static OutcomeStats FromEntries(IEnumerable<StatEntry> entries)
    {
        var stats = new OutcomeStats();
        foreach (var e in entries) stats._counts[(e.Kind, e.A, e.B)] = new OutcomeCount(e.Cases, e.Recovered);
        return stats;
    }
}

/// <summary>One saved group count.</summary>
public sealed record StatEntry(StatKind Kind, string A, string B, int Cases, int Recovered);
