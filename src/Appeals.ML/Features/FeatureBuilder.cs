using Appeals.Core.Remittances;
using Appeals.ML.History;

namespace Appeals.ML.Features;

/// <summary>
/// Turns one case and the outcomes known before it into the feature vector. Rates are smoothed toward
/// their parent group (m-estimate), so a payer seen twice says little and a payer seen a thousand times
/// says a lot; the log of the case count beside each rate lets the model weigh them.
/// </summary>
public sealed class FeatureBuilder(FeatureLayout layout)
{
    /// <summary>How many pseudo-cases of the parent rate each group starts with.</summary>
    public const double Smoothing = 20;

    private readonly Dictionary<string, int> _categoryIndex = layout.Categories
        .Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

    public FeatureLayout Layout => layout;

    /// <summary>Fills <paramref name="features"/> (length <see cref="FeatureLayout.Count"/>).</summary>
    public void Build(HistoryRecord row, CaseKeys keys, OutcomeStats stats, Span<float> features)
    {
        features.Clear();
        var i = 0;
        var global = stats.Get(StatKind.Global, "").Rate(0.5, 10);
        var categoryCount = stats.Get(StatKind.Category, keys.Category);
        var category = categoryCount.Rate(global, Smoothing);
        var typeCount = stats.Get(StatKind.PayerTypeCategory, keys.PayerType, keys.Category);
        var payerType = typeCount.Rate(category, Smoothing);
        // A payer's record in one category starts from its peers' rate moved by the payer's lift in all
        // categories: a small cell borrows from both of its parents.
        var payer = stats.Get(StatKind.Payer, keys.PayerId);
        var payerCategory = stats.Get(StatKind.PayerCategory, keys.PayerId, keys.Category);
        Put(features, ref i, payerCategory, Clamp(payerType + payer.Lift(Smoothing)), lift: true);
        Put(features, ref i, payer, global, lift: true);
        Put(features, ref i, typeCount, category);
        Put(features, ref i, categoryCount, global);
        var carc = stats.Get(StatKind.Carc, keys.GroupCode, keys.Carc);
        Put(features, ref i, carc, category, lift: true);
        features[i++] = keys.CarcKnown ? 1 : 0;
        var provider = stats.Get(StatKind.Provider, keys.ProviderId);
        Put(features, ref i, provider, global, lift: true);
        var providerCategory = stats.Get(StatKind.ProviderCategory, keys.ProviderId, keys.Category);
        Put(features, ref i, providerCategory, Clamp(category + provider.Lift(Smoothing)), lift: true);
        var family = stats.Get(StatKind.FamilyCategory, keys.Family, keys.Category);
        Put(features, ref i, family, category, lift: true);
        var procedure = stats.Get(StatKind.Procedure, keys.ProcedureCode);
        Put(features, ref i, procedure, global, lift: true);
        var remarksEffect = RemarkFeatures(keys, stats, global, features, ref i);
        features[i++] = (float)Math.Log(1 + (double)row.BilledAmount);
        features[i++] = (float)Math.Log(1 + (double)row.DeniedAmount);
        features[i++] = row.BilledAmount > 0 ? (float)Math.Min(1.5, (double)(row.DeniedAmount / row.BilledAmount)) : 1;
        features[i++] = Math.Clamp(row.RemitDate.DayNumber - row.ServiceDate.DayNumber, 0, 3650);
        OneHot(features, ref i, PayerTypes.All, keys.PayerType);
        if (_categoryIndex.TryGetValue(keys.Category, out var c)) features[i + c] = 1;
        i += layout.Categories.Count;
        OneHot(features, ref i, ProcedureFamily.All, keys.Family);
        OneHot(features, ref i, FeatureLayout.GroupCodes, keys.GroupCode);
        var places = FeatureLayout.PlacesOfService;
        var pos = 0;
        while (pos < places.Count && !string.Equals(places[pos], keys.PlaceOfService, StringComparison.Ordinal)) pos++;
        features[i + pos] = 1; // the last column is "other"
        i += places.Count + 1;
        if (layout.Version >= 2)
        {
            // Same order as FeatureLayout.EffectParts; unknown groups have no effect (the ridge's prior).
            Span<double> parts =
            [
                payerCategory.Effect + payer.Effect, typeCount.Effect, carc.Effect, provider.Effect + providerCategory.Effect,
                family.Effect + procedure.Effect, remarksEffect,
            ];
            var total = stats.Get(StatKind.Global, "").Effect;
            foreach (var part in parts)
            {
                features[i++] = (float)part;
                total += part;
            }
            features[i++] = (float)total;
        }
        System.Diagnostics.Debug.Assert(i == layout.Count, "the builder and the layout disagree");
    }

    private static double Clamp(double rate) => Math.Clamp(rate, 0.001, 0.999);

    private static double Put(Span<float> f, ref int i, OutcomeCount count, double prior, bool lift = false)
    {
        var rate = count.Rate(prior, Smoothing);
        f[i++] = (float)rate;
        f[i++] = (float)Math.Log(1 + count.Cases);
        if (lift) f[i++] = (float)count.Lift(Smoothing);
        return rate;
    }

    /// <returns>The sum of the remarks' joint effects.</returns>
    private static double RemarkFeatures(CaseKeys keys, OutcomeStats stats, double global, Span<float> f, ref int i)
    {
        double sum = 0, lift = 0, min = global, max = global, effect = 0;
        for (var r = 0; r < keys.Rarcs.Count; r++)
        {
            var count = stats.Get(StatKind.Rarc, keys.Rarcs[r]);
            effect += count.Effect;
            var rate = count.Rate(global, Smoothing);
            lift += count.Lift(Smoothing);
            sum += rate;
            min = r == 0 ? rate : Math.Min(min, rate);
            max = r == 0 ? rate : Math.Max(max, rate);
        }
        f[i++] = (float)(keys.Rarcs.Count > 0 ? sum / keys.Rarcs.Count : global);
        f[i++] = (float)lift;
        f[i++] = (float)min;
        f[i++] = (float)max;
        f[i++] = keys.Rarcs.Count;
        foreach (var rarc in keys.Rarcs) f[i + (int)(StableHash(rarc) % FeatureLayout.RarcBuckets)] += 1;
        i += FeatureLayout.RarcBuckets;
        return effect;
    }

    private static void OneHot(Span<float> f, ref int i, IReadOnlyList<string> values, string value)
    {
        for (var v = 0; v < values.Count; v++) f[i + v] = string.Equals(values[v], value, StringComparison.Ordinal) ? 1 : 0;
        i += values.Count;
    }

    /// <summary>FNV-1a: string.GetHashCode is randomised per process, and a saved model needs the same buckets forever.</summary>
    internal static uint StableHash(string s)
    {
        var h = 2166136261u;
        foreach (var ch in s) h = (h ^ ch) * 16777619u;
        return h;
    }
}
