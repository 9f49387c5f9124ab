using Appeals.Core.Denials;
using Appeals.ML.Features;
using Appeals.ML.Scoring;

namespace Appeals.ML.Synthetic;

/// <summary>
/// The hidden structure behind a synthetic history: payers, providers and procedures with their own
/// recovery effects (log-odds). Drawn once from the seed; rows are then drawn from it.
/// See docs/synthetic-history.md for every assumption.
/// </summary>
internal sealed class SyntheticWorld
{
    public sealed record Payer(string Id, string Type, double Effect, double Drift);
    public sealed record Procedure(string Code, string Family, double Price, double Effect);
    public sealed record Remark(string Code, double Effect);

    public BaseRates BaseRates { get; } = BaseRates.Shipped;
    public List<Payer> Payers { get; } = [];
    public double[] PayerWeights { get; }
    public List<(string Id, double Effect)> Providers { get; } = [];
    public double[] ProviderWeights { get; }
    public List<Procedure> Procedures { get; } = [];
    public string[] Categories { get; }
    public double[] CategoryWeights { get; }
    public Dictionary<string, (string[] Codes, double[] Weights)> CarcsByCategory { get; } = [];
    public Dictionary<string, double> CarcEffect { get; } = [];
    public Dictionary<(string Payer, string Category), double> PayerCategoryEffect { get; } = [];
    public Dictionary<(string Family, string Category), double> FamilyCategoryEffect { get; } = [];
    public Dictionary<string, double> PlaceEffect { get; } = [];

    /// <summary>Remarks that say what is missing make a denial fixable; coverage-policy remarks make it stick.</summary>
    public static readonly IReadOnlyDictionary<string, Remark[]> RemarksByCategory = new Dictionary<string, Remark[]>
    {
        ["missing_invalid_claim_data"] = [new("M51", 0.5), new("N290", 0.6), new("MA130", 0.4), new("N4", 0.3)],
        ["documentation_requested"] = [new("M127", 0.5), new("N4", 0.3), new("N479", 0.2)],
        ["coding_bundling_modifier"] = [new("M80", -0.3), new("N20", -0.4), new("N657", 0.2)],
        ["medical_necessity"] = [new("N115", -0.6), new("N386", -0.7), new("M25", -0.2)],
        ["non_covered_or_benefit_limit"] = [new("N130", -0.5), new("N386", -0.6), new("N362", -0.3)],
        ["authorization_referral"] = [new("N54", -0.4), new("M76", 0.3)],
        ["eligibility_registration"] = [new("N30", -0.6), new("MA04", 0.3)],
        ["coordination_of_benefits"] = [new("MA04", 0.5), new("N479", 0.3)],
        ["duplicate_claim"] = [new("N522", -0.5)],
        ["provider_enrollment_network"] = [new("N257", -0.3), new("N95", 0.2)],
        ["timely_filing"] = [new("N56", -0.4)],
    };

    public static readonly (string Code, string Place, double Share, double Effect)[] PlacesOfService =
    [
        ("Office", "11", 0.50, 0.05), ("Outpatient hospital", "22", 0.20, 0), ("Inpatient", "21", 0.08, -0.15),
        ("Emergency room", "23", 0.10, 0.1), ("Ambulatory surgical center", "24", 0.05, -0.05),
        ("Telehealth", "10", 0.04, -0.1), ("Skilled nursing", "31", 0.02, 0), ("Home", "12", 0.01, 0),
    ];

    private static readonly (string Code, double Price)[] ProcedureCodes =
    [
        ("99213", 130), ("99214", 190), ("99215", 260), ("99203", 170), ("99204", 260), ("99283", 320), ("99284", 520),
        ("99285", 780), ("99222", 350), ("99232", 150), ("27447", 9500), ("29881", 4200), ("47562", 7800), ("66984", 3100),
        ("43239", 2100), ("45378", 1900), ("19120", 2600), ("11042", 420), ("20610", 260), ("64483", 1400), ("00790", 1800),
        ("70450", 900), ("71046", 160), ("72148", 1500), ("73721", 1400), ("74177", 2200), ("77067", 320), ("80053", 60),
        ("85025", 40), ("81001", 20), ("87086", 45), ("88305", 180), ("83036", 50), ("90834", 160), ("90837", 210),
        ("96413", 620), ("97110", 90), ("97140", 80), ("92014", 210), ("93000", 70), ("93306", 1100), ("J0897", 2400),
        ("J1745", 3600), ("J9271", 14000), ("E0601", 900), ("A0427", 1300), ("G0439", 190), ("L3960", 700),
    ];

    public SyntheticWorld(Random random, CarcCatalog catalog)
    {
        var types = BaseRates.PayerTypeMix.Keys.ToArray();
        var typeWeights = RandomExtensions.Cumulative(BaseRates.PayerTypeMix.Values);
        for (var p = 0; p < 36; p++)
            Payers.Add(new Payer($"{60000 + p * 137}", types[random.Pick(typeWeights)], random.Normal(0.35), random.Normal(0.25)));
        PayerWeights = RandomExtensions.Cumulative(Payers.Select(_ => Math.Exp(random.Normal(0.8))));
        for (var p = 0; p < 120; p++) Providers.Add(($"19{random.Next(10000000, 99999999)}", random.Normal(0.4)));
        ProviderWeights = RandomExtensions.Cumulative(Providers.Select(_ => Math.Exp(random.Normal(0.9))));
        foreach (var (code, price) in ProcedureCodes)
            Procedures.Add(new Procedure(code, ProcedureFamily.Of(code), price, random.Normal(0.15)));
        Categories = BaseRates.Mix.Keys.Order(StringComparer.Ordinal).ToArray();
        CategoryWeights = RandomExtensions.Cumulative(Categories.Select(c => BaseRates.Mix[c]));
        foreach (var category in Categories)
        {
            var codes = catalog.All.Where(c => c.Category == category && c.Denial == CarcDenial.Yes)
                .OrderBy(c => c.Current ? 0 : 1).ThenBy(c => c.Carc.Length).ThenBy(c => c.Carc, StringComparer.Ordinal)
                .Select(c => c.Carc).Take(8).ToArray();
            if (codes.Length == 0) codes = ["Z" + category.Length]; // a code our map does not know: the explicit unknown
            CarcsByCategory[category] = (codes, RandomExtensions.Cumulative(codes.Select((_, i) => 1.0 / (i + 1))));
            foreach (var code in codes) CarcEffect[code] = random.Normal(0.3);
            foreach (var payer in Payers) PayerCategoryEffect[(payer.Id, category)] = random.Normal(0.45);
            foreach (var family in ProcedureFamily.All) FamilyCategoryEffect[(family, category)] = random.Normal(0.3);
        }
    }
}
