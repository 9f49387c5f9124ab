using System.Security.Cryptography;
using System.Text;
using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;

namespace Appeals.Core.Tests.Builders;

/// <summary>Synthetic remittances for tests (no real names, member ids or dates of birth).</summary>
internal static class RemittanceBuilder
{
    public static Remittance Remittance(string trace, params ClaimPayment[] claims) => Remittance(trace, "PAYER01", claims);

    public static Remittance Remittance(string trace, string payerId, params ClaimPayment[] claims)
    {
        var remittance = new Remittance
        {
            ContentHash = "",
            TransactionControlNumber = "0001",
            HandlingCode = "I",
            PaymentMethod = "ACH",
            PaymentAmount = claims.Sum(c => c.PaymentAmount),
            PaymentDate = new DateOnly(2026, 1, 5),
            ProductionDate = new DateOnly(2026, 1, 2),
            TraceNumber = trace,
            Payer = new Payer { Identifier = payerId, Name = "DEMO HEALTH PLAN" },
            PayeeName = "DEMO CLINIC",
            PayeeIdentifier = "1999999984",
            Claims = [.. claims],
        };
        remittance.ContentHash = HashOf(remittance);
        return remittance;
    }

    public static ClaimPayment Claim(string pcn, int status = 1, decimal charge = 200m, decimal paid = 0m, string payerClaimNumber = "") => new()
    {
        PatientControlNumber = pcn,
        StatusCode = status,
        ChargeAmount = charge,
        PaymentAmount = paid,
        ClaimFilingIndicator = "CI",
        PayerClaimControlNumber = payerClaimNumber,
        PatientLastName = "TESTPATIENT",
        PatientFirstName = "ALPHA",
        MemberId = "SYN000001",
        RenderingProviderId = "1234567893",
        ServiceDateFrom = new DateOnly(2025, 12, 1),
        ServiceDateTo = new DateOnly(2025, 12, 1),
    };

    /// <summary>Adds a service line whose CAS adjustments are in both the line and the claim, as the reader gives them.</summary>
    public static ClaimPayment WithLine(this ClaimPayment claim, string procedure, decimal charge, decimal paid,
        params (string Group, string Carc, decimal Amount)[] adjustments)
    {
        var line = new ServiceLine
        {
            LineNumber = claim.ServiceLines.Count + 1,
            ProcedureQualifier = "HC",
            ProcedureCode = procedure,
            ChargeAmount = charge,
            PaidAmount = paid,
            ServiceDate = claim.ServiceDateFrom,
        };
        foreach (var (group, carc, amount) in adjustments)
        {
            claim.Adjustments.Add(new Adjustment { GroupCode = group, Carc = carc, Amount = amount, ServiceLine = line });
        }
        claim.ServiceLines.Add(line);
        return claim;
    }

    public static ClaimPayment WithClaimAdjustment(this ClaimPayment claim, string group, string carc, decimal amount)
    {
        claim.Adjustments.Add(new Adjustment { GroupCode = group, Carc = carc, Amount = amount });
        return claim;
    }

    /// <summary>The 835 text of remittances, one interchange.</summary>
    public static string ToX12(params Remittance[] remittances)
    {
        var text = new StringWriter();
        new Remittance835Writer(text).WriteInterchange(remittances);
        return text.ToString();
    }

    private static string HashOf(Remittance remittance)
    {
        var text = new StringWriter();
        new Remittance835Writer(text).WriteTransaction(remittance, remittance.TransactionControlNumber);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
