namespace Appeals.ML.Features;

/// <summary>Which grouping of past outcomes a history feature reads.</summary>
public enum StatKind : byte
{
    Global, Category, PayerTypeCategory, PayerCategory, Payer, Carc, Provider, ProviderCategory,
    FamilyCategory, Procedure, Rarc,
}

/// <summary>
/// Counts of past outcomes for one group: how many cases, how many recovered, and the sum of
/// (outcome − expected rate for the case's category and payer type at the time): how much better or worse
/// than its peers the group did, free of its category mix.
/// </summary>
/// <remarks><see cref="Effect"/> is the group's own log-odds effect from the joint fit (see <see cref="GroupEffects"/>):
/// what the group adds once every other group of its cases is accounted for.</remarks>
public record struct OutcomeCount(int Cases, int Recovered, double Residual, double Effect = 0)
{
    public readonly double Rate(double prior, double weight) => (Recovered + weight * prior) / (Cases + weight);

    /// <summary>Mean residual shrunk toward zero by <paramref name="weight"/> pseudo-cases.</summary>
    public readonly double Lift(double weight) => Residual / (Cases + weight);
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

    public void Add(StatKind kind, string a, string b, bool recovered, double residual = 0)
    {
        ref var c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, (kind, a, b), out _);
        c = c with { Cases = c.Cases + 1, Recovered = c.Recovered + (recovered ? 1 : 0), Residual = c.Residual + residual };
    }

    private readonly GroupEffects _effects = new();

    /// <summary>Refits the joint group effects when enough outcomes arrived since the last fit (or <paramref name="force"/>
    /// and any arrived): only ever from outcomes already added, so it is as leak-free as the counts.</summary>
    public void FitEffects(bool force = false)
    {
        if (!_effects.ShouldFit(force)) return;
        var (intercept, effects) = _effects.Fit(FeatureBuilder.Smoothing / 4);
        ref var global = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, (StatKind.Global, "", ""), out _);
        global = global with { Effect = intercept };
        foreach (var (key, effect) in effects)
        {
            ref var c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_counts, key);
            if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref c)) c = c with { Effect = effect };
        }
    }

    /// <summary>Adds one finished case to every group it belongs to; <paramref name="expected"/> is the
    /// category × payer-type rate known when it was remitted (see <see cref="ExpectedRate"/>).</summary>
    public void Add(CaseKeys keys, bool recovered, double expected)
    {
        var r = (recovered ? 1 : 0) - expected;
        Add(StatKind.Global, "", "", recovered);
        Add(StatKind.Category, keys.Category, "", recovered);
        Add(StatKind.PayerTypeCategory, keys.PayerType, keys.Category, recovered);
        Add(StatKind.PayerCategory, keys.PayerId, keys.Category, recovered, r);
        Add(StatKind.Payer, keys.PayerId, "", recovered, r);
        Add(StatKind.Carc, keys.GroupCode, keys.Carc, recovered, r);
        Add(StatKind.Provider, keys.ProviderId, "", recovered, r);
        Add(StatKind.ProviderCategory, keys.ProviderId, keys.Category, recovered, r);
        Add(StatKind.FamilyCategory, keys.Family, keys.Category, recovered, r);
        Add(StatKind.Procedure, keys.ProcedureCode, "", recovered, r);
        foreach (var rarc in keys.Rarcs) Add(StatKind.Rarc, rarc, "", recovered, r);
        _effects.AddCase(keys, recovered);
    }

    /// <summary>The smoothed category × payer-type rate: what a case is expected to do before anything specific is known.</summary>
    public double ExpectedRate(CaseKeys keys)
    {
        var global = Get(StatKind.Global, "").Rate(0.5, 10);
        var category = Get(StatKind.Category, keys.Category).Rate(global, FeatureBuilder.Smoothing);
        return Get(StatKind.PayerTypeCategory, keys.PayerType, keys.Category).Rate(category, FeatureBuilder.Smoothing);
    }

    /// <summary>Flat rows for saving inside a model file.</summary>
    public IEnumerable<StatEntry> Entries() =>
        _counts.Select(kv => new StatEntry(kv.Key.Kind, kv.Key.A, kv.Key.B, kv.Value.Cases, kv.Value.Recovered,
            Math.Round(kv.Value.Residual, 6), Math.Round(kv.Value.Effect, 6)));

    public static OutcomeStats FromEntries(IEnumerable<StatEntry> entries)
    {
        var stats = new OutcomeStats();
        foreach (var e in entries) stats._counts[(e.Kind, e.A, e.B)] = new OutcomeCount(e.Cases, e.Recovered, e.Residual, e.Effect);
        return stats;
    }
}

/// <summary>One saved group count.</summary>
public sealed record StatEntry(StatKind Kind, string A, string B, int Cases, int Recovered, double Residual, double Effect = 0);
