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

    public FeatureLayout(IReadOnlyList<string> categories)
    {
        Categories = categories;
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
    }

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
