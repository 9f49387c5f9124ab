using System.Globalization;
using Appeals.Core.Denials;
using Appeals.Core.Reference;
using Appeals.Core.Remittances;

namespace Appeals.ML.Scoring;

/// <summary>
/// Recovery base rates by category and payer type, anchored on the shared benchmarks
/// (Reference/denial_benchmarks.csv): the category mix comes from the published root-cause shares and
/// the overall rate from the published eventual-overturn shares; the relative standing of categories
/// and payer types is our own stated judgement (docs/synthetic-history.md). Used for cold start and as
/// the base of the synthetic generator.
/// </summary>
public sealed class BaseRates
{
    /// <summary>Relative recoverability of each category (log-odds before the overall shift): fixable claim-data
    /// and documentation denials usually come back, duplicates and late filings rarely do.</summary>
    internal static readonly IReadOnlyDictionary<string, double> CategoryLogOdds = new Dictionary<string, double>
    {
        ["missing_invalid_claim_data"] = 0.9, ["documentation_requested"] = 0.7, ["coding_bundling_modifier"] = 0.45,
        ["coordination_of_benefits"] = 0.3, ["medical_necessity"] = -0.1, ["authorization_referral"] = -0.25,
        ["eligibility_registration"] = -0.3, ["provider_enrollment_network"] = -0.5, ["non_covered_or_benefit_limit"] = -0.9,
        ["timely_filing"] = -1.2, ["duplicate_claim"] = -1.6, [CarcCatalog.UnknownCategory] = -0.3,
        ["contractual_pricing"] = -0.6, ["appeal_process"] = -0.4, ["pending_review"] = 0.3, ["informational"] = -0.4,
        ["patient_responsibility"] = -1.0,
    };

    /// <summary>Medicare Advantage plans overturn most appealed denials at level 1 (OIG: 75 %), ACA plans' internal
    /// appeals 44 %; Medicaid managed care is assumed lower still. Log-odds offsets.</summary>
    internal static readonly IReadOnlyDictionary<string, double> PayerTypeLogOdds = new Dictionary<string, double>
    {
        [PayerTypes.MedicareAdvantage] = 0.35, [PayerTypes.Medicare] = 0.15, [PayerTypes.Commercial] = -0.1,
        [PayerTypes.Medicaid] = -0.25, [PayerTypes.Other] = -0.15,
    };

    /// <summary>Share of denials by category, from the benchmark root-cause shares (see <see cref="CategoryShares"/>).</summary>
    public IReadOnlyDictionary<string, double> Mix { get; }
    public double Overall { get; }
    private readonly double _shift;

    private BaseRates(IReadOnlyDictionary<string, double> mix, double overall, IReadOnlyDictionary<string, double> payerMix)
    {
        Mix = mix; Overall = overall;
        double lo = -5, hi = 5; // shift so the mix-weighted mean rate equals the benchmark overall rate
        for (var k = 0; k < 60; k++)
        {
            _shift = (lo + hi) / 2;
            var mean = mix.Sum(c => c.Value * payerMix.Sum(t => t.Value * Rate(c.Key, t.Key)));
            if (mean > overall) hi = _shift; else lo = _shift;
        }
    }

    /// <summary>Payer-type mix of denials (assumed: no public benchmark gives it).</summary>
    public static readonly IReadOnlyDictionary<string, double> PayerTypeMix = new Dictionary<string, double>
    {
        [PayerTypes.Commercial] = 0.40, [PayerTypes.Medicare] = 0.20, [PayerTypes.MedicareAdvantage] = 0.18,
        [PayerTypes.Medicaid] = 0.17, [PayerTypes.Other] = 0.05,
    };

    // Declared after the tables it reads: static initialisers run in text order.
    public static BaseRates Shipped { get; } = FromBenchmarks();

    public double LogOdds(string category, string payerType) =>
        _shift + CategoryLogOdds.GetValueOrDefault(category, CategoryLogOdds[CarcCatalog.UnknownCategory])
        + PayerTypeLogOdds.GetValueOrDefault(payerType, 0);

    public double Rate(string category, string payerType) => 1 / (1 + Math.Exp(-LogOdds(category, payerType)));

    private static BaseRates FromBenchmarks()
    {
        var rows = ReferenceData.ReadAll<BenchmarkRow>(ReferenceData.DenialBenchmarks);
        var mix = new Dictionary<string, double>();
        foreach (var row in rows.Where(r => r.Metric.StartsWith("denial_root_cause_share:", StringComparison.Ordinal)))
            foreach (var (category, part) in CategoryShares(row.Metric["denial_root_cause_share:".Length..]))
                mix[category] = mix.GetValueOrDefault(category) + part * double.Parse(row.Value, CultureInfo.InvariantCulture);
        var total = mix.Values.Sum();
        foreach (var key in mix.Keys.ToList()) mix[key] /= total;
        var overturned = rows.Where(r => r.Metric == "share_denials_overturned_eventually")
            .Select(r => double.Parse(r.Value, CultureInfo.InvariantCulture) / 100).DefaultIfEmpty(0.6).Average();
        return new BaseRates(mix, overturned, PayerTypeMix);
    }

    /// <summary>Benchmark root-cause labels → our categories (splits are assumptions: the index has no COB or duplicate line).</summary>
    internal static IEnumerable<(string Category, double Part)> CategoryShares(string label) => label switch
    {
        "Registration / Eligibility" => [("eligibility_registration", 0.8), ("coordination_of_benefits", 0.2)],
        "Missing or Invalid Claim Data" => [("missing_invalid_claim_data", 1)],
        "Authorization / Pre-certification" => [("authorization_referral", 1)],
        "Service Not Covered" => [("non_covered_or_benefit_limit", 1)],
        "Medical Documentation Requested" => [("documentation_requested", 1)],
        "Medical Necessity" or "Avoidable Care" => [("medical_necessity", 1)],
        "Unknown" => [("duplicate_claim", 0.4), (CarcCatalog.UnknownCategory, 0.6)],
        "Untimely Filing" => [("timely_filing", 1)],
        "Medical Coding" => [("coding_bundling_modifier", 1)],
        "Provider Eligibility" => [("provider_enrollment_network", 1)],
        _ => [],
    };

    private sealed class BenchmarkRow
    {
        public string Metric { get; set; } = "";
        public string Value { get; set; } = "";
    }
}
