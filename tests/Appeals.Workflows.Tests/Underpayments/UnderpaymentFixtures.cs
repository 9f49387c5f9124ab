using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;

namespace Appeals.Workflows.Tests.Underpayments;

/// <summary>
/// Synthetic ERAs for a contract of SYNPAYER1: 99213 at 100.00, 97110 at 40.00 and with GP at 36.00, from 2026-01-01.
/// The first ERA allows 92.50 (AMT*B6) and 34.00: short 7.50 + 2.00 = 9.50 of 136.00 contracted (7%), an underpayment.
/// The second reverses that claim and pays the corrected one at the contract: 136.00 - 126.50 = 9.50 recovered.
/// </summary>
internal static class UnderpaymentFixtures
{
    public const string Payer = "SYNPAYER1";
    public const string ClaimNumber = "PCN800001";
    public const decimal Shortfall = 9.50m;

    public const string Contract =
        "payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to\n" +
        "SYNPAYER1,99213,,100.00,2026-01-01,\n" +
        "SYNPAYER1,97110,,40.00,2026-01-01,\n" +
        "SYNPAYER1,97110,GP,36.00,2026-01-01,\n";

    public static string ShortPaid() => ToX12(Remittance(Payer, "TRACE-U1", new DateOnly(2026, 2, 2),
        Claim(1, ClaimNumber, "ACCT-200")
            .Line("99213", 150m, allowed: 92.50m, paid: 92.50m)
            .Line("97110", 150m, allowed: 34.00m, paid: 34.00m, modifiers: "GP"),
        // Short 1.00 of 100.00: under the $5 threshold, no case.
        Claim(1, "PCN800009", "ACCT-209")
            .Line("99213", 150m, allowed: 99.00m, paid: 99.00m),
        // Denied in full: a denial case, not an underpayment.
        Claim(1, "PCN800010", "ACCT-210")
            .Line("99213", 150m, allowed: null, paid: 0m, denial: ("CO", "50"))));

    /// <summary>The short-paid claim alone: a remittance that opens no denial case.</summary>
    public static string ShortPaidAlone() => ToX12(Remittance(Payer, "TRACE-U4", new DateOnly(2026, 2, 2),
        Claim(1, ClaimNumber, "ACCT-200")
            .Line("99213", 150m, allowed: 92.50m, paid: 92.50m)
            .Line("97110", 150m, allowed: 34.00m, paid: 34.00m, modifiers: "GP")));

    public static string ReversalAndCorrectedClaim() => ToX12(Remittance(Payer, "TRACE-U2", new DateOnly(2026, 3, 16),
        Claim(22, ClaimNumber, "ACCT-200")
            .Line("99213", -150m, allowed: -92.50m, paid: -92.50m)
            .Line("97110", -150m, allowed: -34.00m, paid: -34.00m, modifiers: "GP"),
        Claim(1, "PCN800002", "ACCT-200", original: ClaimNumber)
            .Line("99213", 150m, allowed: 100.00m, paid: 100.00m)
            .Line("97110", 150m, allowed: 36.00m, paid: 36.00m, modifiers: "GP")));

    /// <summary>
    /// The short-paid claim and, in the same remittance, a second payment of 9.50 under the same payer claim number (a
    /// procedure without a contracted rate): what would answer the underpayment case in full if the remittance's own
    /// outcomes saw it.
    /// </summary>
    public static string ShortPaidAndTheShortfallPaidBeside() => ToX12(Remittance(Payer, "TRACE-U5", new DateOnly(2026, 2, 2),
        Claim(1, ClaimNumber, "ACCT-200")
            .Line("99213", 150m, allowed: 92.50m, paid: 92.50m)
            .Line("97110", 150m, allowed: 34.00m, paid: 34.00m, modifiers: "GP"),
        Claim(1, ClaimNumber, "ACCT-201")
            .Line("99999", 9.50m, allowed: 9.50m, paid: 9.50m)));

    /// <summary>A denial of the short-paid claim's number dated after it (ERAs arrive in any order).</summary>
    public static string DeniedLater() => ToX12(Remittance(Payer, "TRACE-U6", new DateOnly(2026, 3, 16),
        Claim(1, ClaimNumber, "ACCT-200")
            .Line("99213", 150m, allowed: null, paid: 0m, denial: ("CO", "50"))));

    /// <summary>The same short payment from a payer that has no contract.</summary>
    public static string ShortPaidByAnotherPayer() => ToX12(Remittance("OTHERPAYER", "TRACE-U3", new DateOnly(2026, 2, 2),
        Claim(1, "PCN700001", "ACCT-300")
            .Line("99213", 150m, allowed: 50.00m, paid: 50.00m)));

    private static Remittance Remittance(string payer, string trace, DateOnly paid, params ClaimPayment[] claims) => new()
    {
        ContentHash = "", TransactionControlNumber = "0001", HandlingCode = "I", PaymentMethod = "ACH",
        PaymentAmount = claims.Sum(c => c.PaymentAmount), PaymentDate = paid, ProductionDate = paid, TraceNumber = trace,
        Payer = new Payer { Identifier = payer, Name = "SYNTHETIC " + payer },
        PayeeName = "EXAMPLE CLINIC", PayeeIdentifier = "1999999984", Claims = [.. claims],
    };

    private static ClaimPayment Claim(int status, string number, string account, string original = "") => new()
    {
        PatientControlNumber = account, StatusCode = status, ClaimFilingIndicator = "CI", PayerClaimControlNumber = number,
        OriginalReferenceNumber = original, PatientLastName = "SYNTHETIC", PatientFirstName = "TESTA", MemberId = "SYN000001",
        RenderingProviderId = "1234567893", ServiceDateFrom = new DateOnly(2026, 1, 15), ServiceDateTo = new DateOnly(2026, 1, 15),
    };

    private static ClaimPayment Line(this ClaimPayment claim, string procedure, decimal charge, decimal? allowed, decimal paid,
        string modifiers = "", (string Group, string Carc)? denial = null)
    {
        var line = new ServiceLine
        {
            LineNumber = claim.ServiceLines.Count + 1, ProcedureQualifier = "HC", ProcedureCode = procedure, Modifiers = modifiers,
            ChargeAmount = charge, PaidAmount = paid, AllowedAmount = allowed, ServiceDate = claim.ServiceDateFrom,
        };
        if (denial is { } d) claim.Adjustments.Add(new Adjustment { GroupCode = d.Group, Carc = d.Carc, Amount = charge, ServiceLine = line });
        else if (allowed is { } a && charge != a) claim.Adjustments.Add(new Adjustment { GroupCode = "CO", Carc = "45", Amount = charge - a, ServiceLine = line });
        claim.ServiceLines.Add(line);
        claim.ChargeAmount += charge;
        claim.PaymentAmount += paid;
        return claim;
    }

    private static string ToX12(Remittance remittance)
    {
        var text = new StringWriter();
        new Remittance835Writer(text).WriteInterchange([remittance]);
        return text.ToString();
    }
}
