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

    /// <summary>When set, every claim's CLP07 (payers that send a constant such as "0").</summary>
    public string? PayerClaimNumberOverride { get; init; }

    /// <summary>
    /// The remittances, built one at a time. <paramref name="claimsPerTransaction"/> 0 draws each transaction's size
    /// from 500-2,000 claims. Denied claims are added to <paramref name="denied"/> (with their payer) when given.
    /// </summary>
    public IEnumerable<Remittance> Transactions(int claims, int claimsPerTransaction, List<DeniedClaim>? denied = null)
    {
        var transaction = 0;
        var done = 0;
        while (done < claims)
        {
            transaction++;
            var count = Math.Min(claimsPerTransaction > 0 ? claimsPerTransaction : 500 + _random.Next(1501), claims - done);
            done += count;
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
            for (var i = 0; i < count; i++)
            {
                var claim = Claim();
                remittance.Claims.Add(claim);
                if (denied is not null && claim.PaymentAmount < claim.ChargeAmount && claim.Adjustments.Any(a => a.Carc != "45" && a.GroupCode == "CO" || a.Carc == "96"))
                    denied.Add(new DeniedClaim(claim.PatientControlNumber, claim.PayerClaimControlNumber, claim.ChargeAmount, claim.ServiceDateFrom, remittance.Payer.Identifier));
            }
            remittance.PaymentAmount = remittance.Claims.Sum(c => c.PaymentAmount);
            yield return remittance;
        }
    }

    /// <summary>
    /// A later ERA per payer that pays <paramref name="percent"/> % of the denied claims in full: same CLP01, CLP07,
    /// payer and service date, status 1, one line paid at its charge. Transactions of 1,000 claims.
    /// </summary>
    public static IEnumerable<Remittance> FollowUp(IReadOnlyList<DeniedClaim> denied, int percent, int seed)
    {
        var step = Math.Max(1, 100 / Math.Max(1, percent));
        var transaction = 0;
        foreach (var payer in denied.Where((_, i) => i % step == 0).GroupBy(d => d.Payer))
            foreach (var chunk in payer.Chunk(1000))
            {
                transaction++;
                var remittance = new Remittance
                {
                    ContentHash = "",
                    TransactionControlNumber = transaction.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
                    TraceNumber = $"SYNPAID{seed}-{transaction}",
                    PaymentDate = new DateOnly(2026, 12, 1),
                    Payer = new Payer { Identifier = payer.Key, Name = "SYNTHETIC HEALTH PLAN" },
                    PayeeName = "SYNTHETIC CLINIC",
                    PayeeIdentifier = "1999999984",
                };
                foreach (var d in chunk)
                {
                    var claim = new ClaimPayment
                    {
                        PatientControlNumber = d.Account, StatusCode = 1, ClaimFilingIndicator = "CI",
                        PayerClaimControlNumber = d.Number, ChargeAmount = d.Charge, PaymentAmount = d.Charge,
                        PatientLastName = "SYNTHETIC", PatientFirstName = "PATIENT", RenderingProviderId = "1234567893",
                        ServiceDateFrom = d.ServiceDate, ServiceDateTo = d.ServiceDate,
                    };
                    claim.ServiceLines.Add(new ServiceLine
                    {
                        LineNumber = 1, ProcedureQualifier = "HC", ProcedureCode = "99213",
                        ChargeAmount = d.Charge, PaidAmount = d.Charge, ServiceDate = d.ServiceDate,
                    });
                    remittance.Claims.Add(claim);
                }
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
            PayerClaimControlNumber = PayerClaimNumberOverride ?? $"PCC{number:D11}",
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

/// <summary>What a follow-up ERA needs of a denied claim: its keys, its charge and the payer that denied it.</summary>
internal sealed record DeniedClaim(string Account, string Number, decimal Charge, DateOnly? ServiceDate, string Payer);
