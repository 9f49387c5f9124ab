using Appeals.Core.Remittances;

namespace Appeals.Bench;

/// <summary>
/// Synthetic remittances shaped like a clinic's ERAs: 1-4 lines a claim, a contractual CO-45 on most
/// paid lines, roughly one claim in eight with a denied line (CO-197/16/50/4, PR-96), patient
/// responsibility PR-1/2/3, MOA and LQ remarks. Deterministic for a seed; built lazily, so writing a
/// million claims holds one transaction at a time.
/// </summary>
internal sealed class SyntheticEra(int seed)
{
    private static readonly string[] Procedures = ["99213", "99214", "97110", "80053", "71046", "93000", "J1100", "36415"];
    private static readonly (string Group, string Carc)[] Denials = [("CO", "197"), ("CO", "16"), ("CO", "50"), ("CO", "4"), ("PR", "96"), ("CO", "29")];
    private static readonly string[] Payers = ["SYNPAYER01", "SYNPAYER02", "SYNPAYER03", "SYNPAYER04", "SYNPAYER05"];
    private readonly Random _random = new(seed);
    private long _claimNumber;

    public IEnumerable<Remittance> Transactions(int claims, int claimsPerTransaction)
    {
        var transaction = 0;
        for (var done = 0; done < claims; done += claimsPerTransaction)
        {
            transaction++;
            var count = Math.Min(claimsPerTransaction, claims - done);
            var remittance = new Remittance
            {
                ContentHash = "",
                TransactionControlNumber = transaction.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
                TraceNumber = $"SYNTRACE{seed}-{transaction}",
                PaymentDate = new DateOnly(2026, 1, 1).AddDays(transaction % 300),
                Payer = new Payer { Identifier = Payers[transaction % Payers.Length], Name = "SYNTHETIC HEALTH PLAN" },
                PayeeName = "SYNTHETIC CLINIC",
                PayeeIdentifier = "1999999984",
            };
            for (var i = 0; i < count; i++) remittance.Claims.Add(Claim());
            remittance.PaymentAmount = remittance.Claims.Sum(c => c.PaymentAmount);
            yield return remittance;
        }
    }

    private ClaimPayment Claim()
    {
        var number = ++_claimNumber;
        var serviceDate = new DateOnly(2025, 6, 1).AddDays((int)(number % 200));
        var claim = new ClaimPayment
        {
            PatientControlNumber = $"SYN{number:D9}",
            StatusCode = 1,
            ClaimFilingIndicator = "CI",
            PayerClaimControlNumber = $"PCC{number:D11}",
            PatientLastName = "SYNTHETIC",
            PatientFirstName = "PATIENT",
            MemberId = $"M{number:D10}",
            RenderingProviderId = "1234567893",
            ServiceDateFrom = serviceDate,
            ServiceDateTo = serviceDate,
        };
        var denied = _random.Next(8) == 0;
        var lines = 1 + _random.Next(4);
        for (var l = 0; l < lines; l++)
        {
            var charge = 50m + _random.Next(400);
            var line = new ServiceLine { LineNumber = l + 1, ProcedureQualifier = "HC", ProcedureCode = Procedures[_random.Next(Procedures.Length)], ChargeAmount = charge, ServiceDate = serviceDate };
            if (denied && l == 0)
            {
                var (group, carc) = Denials[_random.Next(Denials.Length)];
                Add(claim, line, group, carc, charge);
                claim.RemarkCodes.Add(new RemarkCode { Source = "LQ", Code = "N386", ServiceLine = line });
            }
            else
            {
                var contractual = decimal.Round(charge * 0.3m, 2);
                var patient = _random.Next(3) == 0 ? 20m : 0m;
                line.PaidAmount = charge - contractual - patient;
                Add(claim, line, "CO", "45", contractual);
                if (patient > 0) Add(claim, line, "PR", (1 + _random.Next(3)).ToString(System.Globalization.CultureInfo.InvariantCulture), patient);
            }
            claim.ServiceLines.Add(line);
            claim.ChargeAmount += charge;
            claim.PaymentAmount += line.PaidAmount;
        }
        if (_random.Next(4) == 0) claim.RemarkCodes.Add(new RemarkCode { Source = "MOA", Code = "MA01" });
        return claim;
    }

    private static void Add(ClaimPayment claim, ServiceLine line, string group, string carc, decimal amount)
    {
        claim.Adjustments.Add(new Adjustment { GroupCode = group, Carc = carc, Amount = amount, ServiceLine = line });
    }
}
