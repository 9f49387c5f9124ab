using Appeals.Core.Denials;
using Appeals.Core.Remittances;

namespace Appeals.ML.Features;

/// <summary>The part of a case a feature describes: explanations substitute whole groups, not single columns.</summary>
public enum FeatureGroup
{
    PayerHistory, PayerTypeAndCategory, Carc, Provider, Procedure, Remarks, Amount, Timing, PlaceOfService, GroupCode,
}

/// <summary>
/// The columns of the feature vector, by name and group. It is saved with each model so that a model
/// trained with one catalog keeps reading its own columns.
/// </summary>
public sealed class FeatureLayout
{
    public const int RarcBuckets = 16;
    public static readonly IReadOnlyList<string> GroupCodes = ["CO", "OA", "PI", "PR", "CR"];
    public static readonly IReadOnlyList<string> PlacesOfService = ["11", "21", "22", "23", "24", "02", "10", "31", "12", "81", "19"];

    private readonly List<(string Name, FeatureGroup Group)> _columns = [];

    /// <summary>The layout new models are trained with. 1: rates, counts, lifts and one-hots; 2: plus the joint group
    /// effects (ADR 0046). A saved model keeps the version it was trained with.</summary>
    public const int CurrentVersion = 2;

    public FeatureLayout(IReadOnlyList<string> categories, int version = CurrentVersion)
    {
        if (version is < 1 or > CurrentVersion) throw new ArgumentOutOfRangeException(nameof(version), version, "unknown feature layout version");
        Categories = categories;
        Version = version;
        Rate("payer_category", FeatureGroup.PayerHistory);
        Rate("payer", FeatureGroup.PayerHistory);
        Rate("payer_type_category", FeatureGroup.PayerTypeAndCategory, lift: false);
        Rate("category", FeatureGroup.PayerTypeAndCategory, lift: false);
        Rate("carc", FeatureGroup.Carc);
        Add("carc_known", FeatureGroup.Carc);
        Rate("provider", FeatureGroup.Provider);
        Rate("provider_category", FeatureGroup.Provider);
        Rate("family_category", FeatureGroup.Procedure);
        Rate("procedure", FeatureGroup.Procedure);
        Add("rarc_rate_mean", FeatureGroup.Remarks);
        Add("rarc_lift_sum", FeatureGroup.Remarks);
        Add("rarc_rate_min", FeatureGroup.Remarks);
        Add("rarc_rate_max", FeatureGroup.Remarks);
        Add("rarc_count", FeatureGroup.Remarks);
        for (var b = 0; b < RarcBuckets; b++) Add($"rarc_hash_{b}", FeatureGroup.Remarks);
        Add("log_billed", FeatureGroup.Amount);
        Add("log_denied", FeatureGroup.Amount);
        Add("denied_share", FeatureGroup.Amount);
        Add("days_service_to_remit", FeatureGroup.Timing);
        foreach (var t in PayerTypes.All) Add($"payer_type={t}", FeatureGroup.PayerTypeAndCategory);
        foreach (var c in categories) Add($"category={c}", FeatureGroup.PayerTypeAndCategory);
        foreach (var f in ProcedureFamily.All) Add($"family={f}", FeatureGroup.Procedure);
        foreach (var g in GroupCodes) Add($"group={g}", FeatureGroup.GroupCode);
        foreach (var p in PlacesOfService) Add($"pos={p}", FeatureGroup.PlaceOfService);
        Add("pos=other", FeatureGroup.PlaceOfService);
        CategoryOffset = IndexOf($"category={categories[0]}");
        if (version < 2) return;
        // Each group's share of the joint fit sits in its own group, so that explanations substitute it with the rest
        // of the group; the sum (with the intercept) is the model's strongest single column and is recomputed, not
        // substituted, when a part of it is (see ModelScorer).
        foreach (var (name, group) in EffectParts) Add(name, group);
        EffectsTotal = _columns.Count;
        Add("effects_logit", FeatureGroup.PayerTypeAndCategory);
    }

    /// <summary>The parts of the joint group effects, in column order.</summary>
    public static readonly IReadOnlyList<(string Name, FeatureGroup Group)> EffectParts =
    [
        ("payer_effect", FeatureGroup.PayerHistory), ("payer_type_category_effect", FeatureGroup.PayerTypeAndCategory),
        ("carc_effect", FeatureGroup.Carc), ("provider_effect", FeatureGroup.Provider),
        ("procedure_effect", FeatureGroup.Procedure), ("remarks_effect", FeatureGroup.Remarks),
    ];

    public int Version { get; }

    /// <summary>The column holding the sum of the effect parts and the intercept, or -1 in a version 1 layout.</summary>
    public int EffectsTotal { get; } = -1;

    /// <summary>True for the columns whose sum is <see cref="EffectsTotal"/>.</summary>
    public bool IsEffectPart(int column) => EffectsTotal >= 0 && column >= EffectsTotal - EffectParts.Count && column < EffectsTotal;

    /// <summary>The layout for the shipped CARC catalog.</summary>
    public static FeatureLayout ForCatalog(CarcCatalog catalog) =>
        new(catalog.Categories.Contains(CarcCatalog.UnknownCategory)
            ? catalog.Categories
            : [.. catalog.Categories, CarcCatalog.UnknownCategory]);

    public IReadOnlyList<string> Categories { get; }
    public int Count => _columns.Count;
    public int CategoryOffset { get; }
    public IReadOnlyList<string> Names => _columns.Select(c => c.Name).ToList();
    public FeatureGroup GroupOf(int column) => _columns[column].Group;
    public int IndexOf(string name) => _columns.FindIndex(c => c.Name == name);

    private void Rate(string name, FeatureGroup group, bool lift = true)
    {
        Add($"{name}_rate", group);
        Add($"{name}_log_cases", group);
        if (lift) Add($"{name}_lift", group);
    }

    private void Add(string name, FeatureGroup group) => _columns.Add((name, group));
}
