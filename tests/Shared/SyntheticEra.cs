using Appeals.Core.Remittances;

namespace Appeals.Tests.Shared;

/// <summary>Generated 835 transactions for the tests that run the built command or app as a process.</summary>
public static class SyntheticEra
{
    /// <summary>One transaction of <paramref name="claims"/> claims (every fourth denied CO-50) of one synthetic payer, trace <paramref name="trace"/>.</summary>
    public static Remittance Transaction(string trace, int claims)
    {
        var date = new DateOnly(2026, 11, 2);
        var rows = Enumerable.Range(1, claims).Select(i =>
        {
            var denied = i % 4 == 0;
            var claim = new ClaimPayment
            {
                PatientControlNumber = $"{trace}-{i:D6}", StatusCode = denied ? 4 : 1, ChargeAmount = 180m, PaymentAmount = denied ? 0m : 150m,
                ClaimFilingIndicator = "CI", PayerClaimControlNumber = $"{trace}N{i:D9}", PatientLastName = "SYNTHETIC", PatientFirstName = "TESTA",
                MemberId = $"SYN{i:D7}", ServiceDateFrom = date, ServiceDateTo = date,
            };
            var line = new ServiceLine { LineNumber = 1, ProcedureQualifier = "HC", ProcedureCode = "99213", ChargeAmount = 180m, PaidAmount = claim.PaymentAmount, ServiceDate = date };
            claim.ServiceLines.Add(line);
            claim.Adjustments.Add(denied
                ? new Adjustment { GroupCode = "CO", Carc = "50", Amount = 180m, ServiceLine = line }
                : new Adjustment { GroupCode = "CO", Carc = "45", Amount = 30m, ServiceLine = line });
            return claim;
        }).ToList();
        return new Remittance
        {
            ContentHash = "", TransactionControlNumber = "0001", HandlingCode = "I", PaymentMethod = "ACH",
            PaymentAmount = rows.Sum(c => c.PaymentAmount), PaymentDate = date.AddDays(20), ProductionDate = date.AddDays(19), TraceNumber = trace,
            Payer = new Payer { Identifier = "SYNPAYER1", Name = "SYNTHETIC HEALTH PLAN" }, PayeeName = "EXAMPLE CLINIC", PayeeIdentifier = "1999999984",
            Claims = rows,
        };
    }
}
