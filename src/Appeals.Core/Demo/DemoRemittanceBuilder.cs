using Appeals.Core.Remittances;

namespace Appeals.Core.Demo;

/// <summary>Groups claim payments into one remittance per payer and payment date, with balanced BPR and PLB amounts.</summary>
internal static class DemoRemittanceBuilder
{
    /// <summary>Share of remittances that carry a prompt-pay interest PLB (assumption).</summary>
    private const double InterestRate = 0.05;

    public static IReadOnlyList<Remittance> Build(IEnumerable<(int Payer, DateOnly Date, ClaimPayment Claim)> payments, Random random)
    {
        var remittances = new List<Remittance>();
        var groups = payments
            .GroupBy(p => (p.Date, p.Payer))
            .OrderBy(g => g.Key.Date).ThenBy(g => g.Key.Payer);
        foreach (var group in groups)
        {
            var payer = DemoCatalog.Payers[group.Key.Payer];
            var date = group.Key.Date;
            var remittance = new Remittance
            {
                ContentHash = "",
                TransactionControlNumber = "0001",
                Payer = new Payer { Identifier = payer.Identifier, Name = payer.Name, PayerType = payer.PayerType },
                CreditDebitFlag = "C",
                PaymentDate = date,
                ProductionDate = date.AddDays(-2),
                TraceNumber = $"DEMO{payer.Identifier[^5..]}{date:yyyyMMdd}",
                PayeeName = DemoRemittanceGenerator.PayeeName,
                PayeeIdentifier = DemoRemittanceGenerator.PayeeIdentifier,
                Claims = group.Select(p => p.Claim).ToList(),
            };
            if (random.NextDouble() < InterestRate)
                AddProviderAdjustment(remittance, "L6", -Math.Round((decimal)(1 + random.NextDouble() * 24), 2));
            Balance(remittance);
            remittances.Add(remittance);
        }
        return remittances;
    }

    /// <summary>BPR02 = ΣCLP04 − ΣPLB; a remittance that would go negative carries the debt forward (PLB FB) and pays nothing.</summary>
    private static void Balance(Remittance remittance)
    {
        var amount = remittance.Claims.Sum(c => c.PaymentAmount) - remittance.ProviderAdjustments.Sum(p => p.Amount);
        if (amount < 0)
        {
            AddProviderAdjustment(remittance, "FB", amount);
            amount = 0;
        }
        remittance.PaymentAmount = amount;
        remittance.HandlingCode = amount > 0 ? "I" : "H";
        remittance.PaymentMethod = amount > 0 ? "ACH" : "NON";
    }

    private static void AddProviderAdjustment(Remittance remittance, string reason, decimal amount) =>
        remittance.ProviderAdjustments.Add(new ProviderAdjustment
        {
            ProviderIdentifier = DemoRemittanceGenerator.PayeeIdentifier,
            FiscalPeriodDate = new DateOnly(remittance.PaymentDate!.Value.Year, 12, 31),
            ReasonCode = reason,
            ReferenceId = reason == "FB" ? remittance.TraceNumber : "",
            Amount = amount,
        });
}
