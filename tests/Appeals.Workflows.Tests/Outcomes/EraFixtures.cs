using System.Security.Cryptography;
using System.Text;
using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;

namespace Appeals.Workflows.Tests.Outcomes;

/// <summary>
/// Two synthetic ERAs for one claim: the denial (one line paid, one denied CO-50), then the payer's
/// reversal of it and the corrected claim (REF*F8 = the original CLP07) that pays in full.
/// </summary>
internal static class EraFixtures
{
    public const string OriginalClaimNumber = "PCN900001";
    public const decimal Denied = 250m;

    public static string Denial() => ToX12(Remittance("TRACE-1", new DateOnly(2026, 2, 2),
        Claim(1, OriginalClaimNumber, charge: 300m, paid: 50m)
            .Line("99213", 50m, 50m)
            .Line("97110", 250m, 0m, ("CO", "50", 250m))));

    public static string ReversalAndCorrectedClaim() => ToX12(Remittance("TRACE-2", new DateOnly(2026, 3, 16),
        Claim(22, OriginalClaimNumber, charge: -300m, paid: -50m)
            .Line("99213", -50m, -50m)
            .Line("97110", -250m, 0m, ("CO", "50", -250m)),
        Claim(1, "PCN900002", charge: 300m, paid: 300m, original: OriginalClaimNumber)
            .Line("99213", 50m, 50m)
            .Line("97110", 250m, 250m)));

    /// <summary>The payer answers the claim again, under a new CLP07 naming the original (REF*F8), and denies the line again.</summary>
    public static string ReDenial() => ToX12(Remittance("TRACE-3", new DateOnly(2026, 4, 6),
        Claim(1, "PCN900003", charge: 300m, paid: 50m, original: OriginalClaimNumber)
            .Line("99213", 50m, 50m)
            .Line("97110", 250m, 0m, ("CO", "50", 250m))));

    /// <summary>
    /// A payment of the claim that shares one identifier only with <see cref="Denial"/>: its REF*F8 (a new CLP07 and another
    /// patient control number), or its patient control number (a new CLP07, no REF*F8).
    /// </summary>
    public static string PaymentBy(string key) => ToX12(Remittance("TRACE-4", new DateOnly(2026, 3, 16),
        Claim(1, "PCN900004", charge: 300m, paid: 300m, original: key == "original" ? OriginalClaimNumber : "",
                account: key == "original" ? "ACCT-200" : "ACCT-100")
            .Line("99213", 50m, 50m)
            .Line("97110", 250m, 250m)));

    private static Remittance Remittance(string trace, DateOnly paid, params ClaimPayment[] claims)
    {
        var remittance = new Remittance
        {
            ContentHash = "", TransactionControlNumber = "0001", HandlingCode = "I", PaymentMethod = "ACH",
            PaymentAmount = claims.Sum(c => c.PaymentAmount), PaymentDate = paid, ProductionDate = paid, TraceNumber = trace,
            Payer = new Payer { Identifier = "SYNPAYER1", Name = "SYNTHETIC HEALTH PLAN" },
            PayeeName = "EXAMPLE CLINIC", PayeeIdentifier = "1999999984", Claims = [.. claims],
        };
        return remittance;
    }

    private static ClaimPayment Claim(int status, string number, decimal charge, decimal paid, string original = "", string account = "ACCT-100") => new()
    {
        PatientControlNumber = account, StatusCode = status, ChargeAmount = charge, PaymentAmount = paid,
        ClaimFilingIndicator = "CI", PayerClaimControlNumber = number, OriginalReferenceNumber = original,
        PatientLastName = "SYNTHETIC", PatientFirstName = "TESTA", MemberId = "SYN000001", RenderingProviderId = "1234567893",
        ServiceDateFrom = new DateOnly(2026, 1, 15), ServiceDateTo = new DateOnly(2026, 1, 15),
    };

    private static ClaimPayment Line(this ClaimPayment claim, string procedure, decimal charge, decimal paid,
        params (string Group, string Carc, decimal Amount)[] adjustments)
    {
        var line = new ServiceLine
        {
            LineNumber = claim.ServiceLines.Count + 1, ProcedureQualifier = "HC", ProcedureCode = procedure,
            ChargeAmount = charge, PaidAmount = paid, ServiceDate = claim.ServiceDateFrom,
        };
        foreach (var (group, carc, amount) in adjustments)
        {
            claim.Adjustments.Add(new Adjustment { GroupCode = group, Carc = carc, Amount = amount, ServiceLine = line });
        }
        claim.ServiceLines.Add(line);
        return claim;
    }

    private static string ToX12(Remittance remittance)
    {
        var text = new StringWriter();
        new Remittance835Writer(text).WriteInterchange([remittance]);
        return text.ToString();
    }
}
