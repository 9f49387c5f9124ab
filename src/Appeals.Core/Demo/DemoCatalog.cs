using Appeals.Core.Remittances;

namespace Appeals.Core.Demo;

/// <summary>A fictional payer of the demo data and how it prices and denies.</summary>
/// <param name="Identifier">REF*2U, visibly fake.</param>
/// <param name="Name">N1*PR name, marked DEMO.</param>
/// <param name="PayerType">One of <see cref="PayerTypes"/>.</param>
/// <param name="FilingIndicator">CLP06 that goes with the payer type.</param>
/// <param name="Weight">Share of the claims this payer receives.</param>
/// <param name="DenialRate">Initial denial rate (fraction of claims), see docs/demo-data.md.</param>
/// <param name="AllowedRatio">Allowed amount as a fraction of charges.</param>
public sealed record DemoPayer(string Identifier, string Name, string PayerType, string FilingIndicator,
    double Weight, double DenialRate, decimal AllowedRatio);

/// <summary>A billable procedure with a typical charge.</summary>
public sealed record DemoProcedure(string Code, decimal Charge, string Modifiers = "", int MaxUnits = 1);

/// <summary>One CARC a root cause shows up as, with its group code and whether it denies the whole claim.</summary>
public sealed record DemoReason(string GroupCode, string Carc, bool ClaimLevel, double Weight);

/// <summary>The fixed lists the demo draws from: fictional payers, real CPT/HCPCS codes, common CARCs.</summary>
public static class DemoCatalog
{
    /// <summary>Payer mix (assumption, see docs/demo-data.md): Medicare 30%, Medicare Advantage 20%, Medicaid 15%, commercial 35%.</summary>
    public static IReadOnlyList<DemoPayer> Payers { get; } =
    [
        new("DEMO-MCR01", "DEMO MEDICARE CONTRACTOR", PayerTypes.Medicare, "MB", 0.30, 0.10, 0.42m),
        new("DEMO-MA001", "DEMO SUNRISE MEDICARE ADVANTAGE", PayerTypes.MedicareAdvantage, "16", 0.12, 0.157, 0.45m),
        new("DEMO-MA002", "DEMO EVERGREEN SENIOR ADVANTAGE", PayerTypes.MedicareAdvantage, "16", 0.08, 0.157, 0.44m),
        new("DEMO-MCD01", "DEMO STATE MEDICAID PLAN", PayerTypes.Medicaid, "MC", 0.15, 0.167, 0.33m),
        new("DEMO-COM01", "DEMO ACME HEALTH INSURANCE", PayerTypes.Commercial, "CI", 0.15, 0.15, 0.62m),
        new("DEMO-COM02", "DEMO BLUE HARBOR HEALTH PLAN", PayerTypes.Commercial, "BL", 0.12, 0.15, 0.58m),
        new("DEMO-COM03", "DEMO NORTHWIND HMO", PayerTypes.Commercial, "HM", 0.08, 0.19, 0.55m),
    ];

    /// <summary>Common professional services with typical list charges (a demo's guess, not a fee schedule).</summary>
    public static IReadOnlyList<DemoProcedure> Procedures { get; } =
    [
        new("99213", 145m), new("99214", 215m), new("99215", 295m), new("99203", 190m), new("99204", 290m),
        new("99285", 980m), new("99232", 210m), new("G0439", 240m), new("90686", 45m), new("36415", 22m),
        new("80053", 88m), new("85025", 42m), new("81001", 24m), new("93000", 78m), new("71046", 175m),
        new("97110", 95m, "GP", 4), new("97140", 90m, "GP", 3), new("20610", 260m), new("J1100", 18m, "", 4),
        new("73721", 1850m), new("70553", 2750m), new("45378", 1650m), new("29881", 5200m), new("66984", 3150m),
        new("11721", 85m), new("17110", 160m), new("96372", 55m), new("99204", 290m, "25"),
    ];

    /// <summary>How each Change Healthcare root cause appears on a remittance: the CARCs and groups used for it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<DemoReason>> ReasonsByRootCause { get; } =
        new Dictionary<string, IReadOnlyList<DemoReason>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Registration/Eligibility"] = [new("CO", "27", true, 4), new("CO", "31", true, 3), new("CO", "26", true, 1), new("OA", "22", true, 2), new("CO", "109", true, 1)],
            ["Missing or Invalid Claim Data"] = [new("CO", "16", false, 6), new("CO", "16", true, 2), new("CO", "B16", false, 1)],
            ["Authorization/Pre-certification"] = [new("CO", "197", false, 6), new("CO", "198", false, 1)],
            ["Service Not Covered"] = [new("CO", "96", false, 3), new("PR", "96", false, 2), new("PR", "204", false, 2), new("CO", "119", false, 1)],
            ["Medical Documentation Requested"] = [new("CO", "252", false, 3), new("CO", "226", false, 1)],
            ["Medical Necessity"] = [new("CO", "50", false, 5), new("PI", "50", false, 1), new("CO", "151", false, 1), new("CO", "167", false, 1)],
            ["Unknown"] = [new("OA", "A1", false, 2), new("CO", "155", false, 1)],
            ["Untimely Filing"] = [new("CO", "29", true, 1)],
            ["Medical Coding"] = [new("CO", "97", false, 4), new("CO", "4", false, 2), new("CO", "11", false, 1), new("CO", "236", false, 2)],
            ["Provider Eligibility"] = [new("CO", "B7", true, 1), new("CO", "185", false, 1)],
            ["Avoidable Care"] = [new("CO", "58", false, 1), new("CO", "117", false, 1)],
        };

    /// <summary>The reasons for a root cause; names match ignoring spaces, so "Registration / Eligibility" (benchmarks) finds "Registration/Eligibility".</summary>
    public static IReadOnlyList<DemoReason> ReasonsFor(string rootCause) =>
        ReasonsByRootCause.First(r => string.Equals(Compact(r.Key), Compact(rootCause), StringComparison.OrdinalIgnoreCase)).Value;

    private static string Compact(string name) => name.Replace(" ", "", StringComparison.Ordinal);
}
