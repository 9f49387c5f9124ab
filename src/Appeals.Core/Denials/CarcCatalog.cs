using Appeals.Core.Reference;

namespace Appeals.Core.Denials;

/// <summary>What the CARC map says of one claim adjustment reason code.</summary>
/// <param name="Carc">The code, e.g. "197".</param>
/// <param name="Category">Root-cause category, e.g. "authorization_referral".</param>
/// <param name="Denial">Whether an adjustment with this code is a denial.</param>
/// <param name="Avoidable">Whether the front end could have prevented it: yes, partly or no.</param>
/// <param name="TypicalAction">What a specialist usually does about it, in our words.</param>
/// <param name="Current">False when X12 has deactivated the code.</param>
public sealed record CarcInfo(string Carc, string Category, CarcDenial Denial, string Avoidable, string TypicalAction, bool Current)
{
    public bool IsAvoidable => Avoidable is "yes" or "partly";
}

/// <summary>The map's is_denial column.</summary>
public enum CarcDenial
{
    No,
    Yes,
    /// <summary>The payer has not decided yet (e.g. 133): not a denial until it does.</summary>
    Pending,
    /// <summary>A denial only in some uses (e.g. 169, B4): not counted as one.</summary>
    Depends,
}

/// <summary>The CARC → root cause map (Reference/carc_category.csv). Unknown codes are reported, never guessed.</summary>
public sealed class CarcCatalog
{
    public const string UnknownCategory = "other_unspecified";

    private readonly Dictionary<string, CarcInfo> _byCode;

    public CarcCatalog(IEnumerable<CarcInfo> codes) =>
        _byCode = codes.ToDictionary(c => c.Carc, StringComparer.OrdinalIgnoreCase);

    /// <summary>The catalog shipped with this build.</summary>
    public static CarcCatalog Shipped { get; } = new(ReferenceData.ReadRows(ReferenceData.CarcCategories).Select(r => new Row
    {
        Carc = r["carc"], Status = r["status"], Category = r["category"], IsDenial = r["isdenial"], Avoidable = r["avoidable"],
        TypicalAction = r["typicalaction"],
    }.ToInfo()));

    public IReadOnlyCollection<CarcInfo> All => _byCode.Values;

    public bool TryGet(string carc, out CarcInfo info) => _byCode.TryGetValue(carc, out info!);

    /// <summary>The category of a code, or <see cref="UnknownCategory"/> when the map does not know it.</summary>
    public string CategoryOf(string carc) => TryGet(carc, out var info) ? info.Category : UnknownCategory;

    /// <summary>Every category in the map, sorted.</summary>
    public IReadOnlyList<string> Categories => _byCode.Values.Select(c => c.Category).Distinct().Order(StringComparer.Ordinal).ToList();

    private sealed class Row
    {
        public string Carc { get; set; } = "";
        public string Status { get; set; } = "";
        public string Category { get; set; } = "";
        public string IsDenial { get; set; } = "";
        public string Avoidable { get; set; } = "";
        public string TypicalAction { get; set; } = "";

        public CarcInfo ToInfo() => new(Carc, Category, IsDenial switch
        {
            "yes" => CarcDenial.Yes,
            "pending" => CarcDenial.Pending,
            "depends" => CarcDenial.Depends,
            _ => CarcDenial.No,
        }, Avoidable, TypicalAction, Status == "current");
    }
}
