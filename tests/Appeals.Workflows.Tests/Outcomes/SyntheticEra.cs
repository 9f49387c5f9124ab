using Appeals.Core.Remittances;

namespace Appeals.Workflows.Tests.Outcomes;

/// <summary>Synthetic remittances of one payer (SYNPAYER1) for the outcome tests: claim n is ACCT-n, member SYNn, one line 99213.</summary>
internal static class SyntheticEra
{
    public static ClaimPayment Claim(int n, string payerClaimNumber, decimal charge, decimal paid, DateOnly served, (string Group, string Carc, decimal Amount)? adjustment)
    {
        var claim = new ClaimPayment
        {
            PatientControlNumber = $"ACCT-{n:D6}", StatusCode = 1, ChargeAmount = charge, PaymentAmount = paid, ClaimFilingIndicator = "CI",
            PayerClaimControlNumber = payerClaimNumber, PatientLastName = "SYNTHETIC", PatientFirstName = "TESTA", MemberId = $"SYN{n:D6}",
            RenderingProviderId = "1234567893", ServiceDateFrom = served, ServiceDateTo = served,
        };
        var line = new ServiceLine { LineNumber = 1, ProcedureQualifier = "HC", ProcedureCode = "99213", ChargeAmount = charge, PaidAmount = paid, ServiceDate = served };
        if (adjustment is { } a) claim.Adjustments.Add(new Adjustment { GroupCode = a.Group, Carc = a.Carc, Amount = a.Amount, ServiceLine = line });
        claim.ServiceLines.Add(line);
        return claim;
    }

    public static Remittance Remittance(string trace, DateOnly paid, List<ClaimPayment> claims) => new()
    {
        ContentHash = "", TransactionControlNumber = "0001", HandlingCode = "I", PaymentMethod = "ACH",
        PaymentAmount = claims.Sum(c => c.PaymentAmount), PaymentDate = paid, ProductionDate = paid, TraceNumber = trace,
        Payer = new Payer { Identifier = "SYNPAYER1", Name = "SYNTHETIC HEALTH PLAN" },
        PayeeName = "EXAMPLE CLINIC", PayeeIdentifier = "1999999984", Claims = claims,
    };
}
