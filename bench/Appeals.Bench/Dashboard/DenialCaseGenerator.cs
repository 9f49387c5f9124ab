using Appeals.Core.Denials;
using Appeals.Core.Remittances;

namespace Appeals.Bench.Dashboard;

/// <summary>
/// Synthetic denial cases with a realistic shape for the dashboard: a category mix close to the
/// published denial-reason shares (front-end data and eligibility first), CARCs from the shipped
/// map, log-normal amounts, two years of denial dates, and outcomes for the older cases with a
/// different overturn rate per category. No real names, ids or dates of birth.
/// </summary>
internal sealed class DenialCaseGenerator(int seed, DateOnly today)
{
    private static readonly (string Category, double Weight, double Overturn)[] Mix =
    [
        ("missing_invalid_claim_data", 20, 0.70), ("eligibility_registration", 18, 0.35), ("authorization_referral", 15, 0.50),
        ("coding_bundling_modifier", 12, 0.60), ("medical_necessity", 10, 0.45), ("non_covered_or_benefit_limit", 8, 0.20),
        ("coordination_of_benefits", 6, 0.55), ("documentation_requested", 4, 0.65), ("timely_filing", 3, 0.15),
        ("duplicate_claim", 2, 0.10), ("provider_enrollment_network", 2, 0.40),
    ];

    private static readonly string[] Procedures = ["99213", "99214", "99215", "93000", "71046", "80053", "36415", "97110", "27447", "45378", "70450", "J1885"];

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, CarcInfo[]> _carcs = CarcCatalog.Shipped.All
        .Where(c => c.Denial == CarcDenial.Yes)
        .GroupBy(c => c.Category)
        .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Carc.Length).ThenBy(c => c.Carc, StringComparer.Ordinal).ToArray());

    public static readonly string[] PayerNames =
    [
        "Northwind Health Plan", "Contoso Mutual", "Fabrikam Care", "Tailspin Medicare Advantage", "Adventure Works Health",
        "Litware Medicaid", "Proseware Insurance", "Wingtip Benefits", "Coho Health", "Lucerne Health Partners",
        "Alpine State Medicaid", "Woodgrove Medicare", "Margie Mutual", "Humongous Health", "Trey Care",
    ];

    public DateOnly RandomDate(int daysBack) => today.AddDays(-_random.Next(daysBack));

    public string Provider() => $"10000{_random.Next(60):D5}";

    public decimal Charge() => Math.Round((decimal)Math.Exp(5.5 + _random.NextDouble() * 2.2), 2);

    public DenialCase Case(ClaimPayment claim, long payerId, DateOnly denialDate)
    {
        var (category, _, overturn) = PickCategory();
        var codes = _carcs[category];
        // Within a category a few codes do most of the harm.
        var carc = codes[Math.Min(codes.Length - 1, (int)(codes.Length * Math.Pow(_random.NextDouble(), 3)))];
        var denied = Math.Round(claim.ChargeAmount * (decimal)(0.3 + _random.NextDouble() * 0.7), 2);
        // Drawn in the order they always were, so that a seed still gives the same cases.
        var procedure = Procedures[(int)(Procedures.Length * Math.Pow(_random.NextDouble(), 2))];
        var reason = $"{(_random.NextDouble() < 0.85 ? "CO" : "OA")}-{carc.Carc}";
        var created = new DateTimeOffset(denialDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // Stored as the workflow would have left them (the case's own methods need a tracked, routed case).
        var o = Outcome(denialDate, created, denied, overturn);
        return new DenialCase
        {
            ClaimPaymentId = claim.Id,
            PayerId = payerId,
            PatientControlNumber = claim.PatientControlNumber,
            RenderingProviderId = claim.RenderingProviderId,
            ProcedureCode = procedure,
            DenialDate = denialDate,
            Category = category,
            PrimaryReason = reason,
            Avoidable = carc.IsAvoidable,
            BilledAmount = claim.ChargeAmount,
            DeniedAmount = denied,
            CreatedAt = created,
            FirstAppealedAt = o.FirstAppealedAt,
            Status = o.Status,
            RecoveredAmount = o.Recovered,
            ClosedAt = o.ClosedAt,
            DeadlineMissed = o.Missed,
        };
    }

    private (DateTimeOffset? FirstAppealedAt, DenialCaseStatus Status, decimal Recovered, DateTimeOffset? ClosedAt, bool Missed) Outcome(
        DateOnly denialDate, DateTimeOffset denied, decimal deniedAmount, double overturn)
    {
        var age = today.DayNumber - denialDate.DayNumber;
        DateTimeOffset? firstAppealedAt = null;
        if (age > 20 && _random.NextDouble() < 0.6)
            firstAppealedAt = denied.AddDays(3 + _random.Next(Math.Min(age - 3, 40)));
        if (firstAppealedAt is { } appealed && age > 75 && _random.NextDouble() < 0.8)
        {
            var won = _random.NextDouble() < overturn;
            var partly = won && _random.NextDouble() < 0.2;
            return (firstAppealedAt, won ? (partly ? DenialCaseStatus.PartiallyRecovered : DenialCaseStatus.Recovered) : DenialCaseStatus.Upheld,
                won ? (partly ? Math.Round(deniedAmount * 0.5m, 2) : deniedAmount) : 0m, appealed.AddDays(15 + _random.Next(60)), false);
        }
        if (firstAppealedAt is null && age > 120 && _random.NextDouble() < 0.7)
        {
            var closedAt = denied.AddDays(90 + _random.Next(30));
            return (null, DenialCaseStatus.WrittenOff, 0m, closedAt, _random.NextDouble() < 0.4);
        }
        return (firstAppealedAt, firstAppealedAt is null ? DenialCaseStatus.Open : DenialCaseStatus.Appealed, 0m, null, false);
    }

    private (string, double, double) PickCategory()
    {
        var x = _random.NextDouble() * Mix.Sum(m => m.Weight);
        foreach (var m in Mix)
            if ((x -= m.Weight) < 0) return m;
        return Mix[^1];
    }
}
