using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;

namespace Appeals.Bench;

/// <summary>
/// Writes a realistic synthetic 835 of a given size: many ST transactions of 200 claims, 1-5 lines a
/// claim, contractual and patient-responsibility CAS on most lines, a denial on about one line in
/// eight with its LQ remark, MOA on some claims, a PLB now and then. Seeded: the same file every time.
/// </summary>
internal static class BenchRemittances
{
    private static readonly string[] Procedures = ["99213", "99214", "99203", "97110", "80053", "85025", "71046", "36415", "93000", "G0439"];
    private static readonly (string Group, string Carc, string Remark)[] Denials =
        [("CO", "16", "N290"), ("CO", "197", "N54"), ("CO", "50", "N115"), ("CO", "29", "N30"), ("PR", "96", "N130"), ("OA", "18", "N522")];

    internal static long Write(string path, long targetBytes, int seed = 42)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var text = new StreamWriter(file, System.Text.Encoding.ASCII, 1 << 20);
        var writer = new Remittance835Writer(text);
        var random = new Random(seed);
        writer.WriteInterchange(Generate(random, () => file.Position + 4096 < targetBytes));
        text.Flush();
        return file.Length;
    }

    private static IEnumerable<Remittance> Generate(Random random, Func<bool> wantMore)
    {
        for (var n = 1; wantMore(); n++)
        {
            var remittance = new Remittance
            {
                ContentHash = "",
                TransactionControlNumber = n.ToString("D4"),
                TraceNumber = $"TRC{n:D9}",
                PaymentMethod = "ACH",
                PaymentDate = new DateOnly(2026, 1, 1).AddDays(n % 300),
                ProductionDate = new DateOnly(2026, 1, 1).AddDays(n % 300),
                PayeeName = "DEMO CLINIC",
                PayeeIdentifier = "1999999999",
                Payer = new Payer { Identifier = $"PAYER{n % 12:D2}", Name = $"DEMO PLAN {n % 12}" },
            };
            for (var c = 0; c < 200; c++) remittance.Claims.Add(Claim(random, n, c));
            remittance.PaymentAmount = remittance.Claims.Sum(c => c.PaymentAmount);
            if (n % 5 == 0)
                remittance.ProviderAdjustments.Add(new ProviderAdjustment { ProviderIdentifier = "1999999999", ReasonCode = "WO", ReferenceId = $"OVP{n}", Amount = 12.5m });
            yield return remittance;
        }
    }

    private static ClaimPayment Claim(Random random, int n, int c)
    {
        var claim = new ClaimPayment
        {
            PatientControlNumber = $"PCN{n:D5}{c:D3}",
            StatusCode = random.Next(10) == 0 ? 4 : 1,
            ClaimFilingIndicator = "CI",
            PayerClaimControlNumber = $"PCC{n:D6}{c:D4}",
            FacilityTypeCode = "11",
            FrequencyCode = "1",
            PatientLastName = "PATIENT",
            PatientFirstName = "DEMO",
            MemberId = $"MBR{random.Next(1_000_000):D7}",
            ServiceDateFrom = new DateOnly(2025, 10, 1).AddDays(random.Next(60)),
        };
        claim.ServiceDateTo = claim.ServiceDateFrom;
        for (var l = 1; l <= random.Next(1, 6); l++)
        {
            var charge = random.Next(40, 900) + random.Next(100) / 100m;
            var line = new ServiceLine
            {
                LineNumber = l,
                ProcedureQualifier = "HC",
                ProcedureCode = Procedures[random.Next(Procedures.Length)],
                Modifiers = random.Next(4) == 0 ? "25" : "",
                ChargeAmount = charge,
                ServiceDate = claim.ServiceDateFrom,
                LineControlNumber = $"L{l}",
            };
            if (claim.StatusCode == 4 || random.Next(8) == 0)
            {
                var (group, carc, remark) = Denials[random.Next(Denials.Length)];
                claim.Adjustments.Add(new Adjustment { GroupCode = group, Carc = carc, Amount = charge, ServiceLine = line });
                claim.RemarkCodes.Add(new RemarkCode { Source = "LQ", Code = remark, ServiceLine = line });
            }
            else
            {
                var contractual = Math.Round(charge * 0.3m, 2);
                var copay = Math.Min(20m, charge - contractual);
                claim.Adjustments.Add(new Adjustment { GroupCode = "CO", Carc = "45", Amount = contractual, ServiceLine = line });
                claim.Adjustments.Add(new Adjustment { GroupCode = "PR", Carc = random.Next(2) == 0 ? "2" : "3", Amount = copay, ServiceLine = line });
                line.PaidAmount = charge - contractual - copay;
                line.AllowedAmount = charge - contractual;
            }
            claim.ServiceLines.Add(line);
        }
        claim.ChargeAmount = claim.ServiceLines.Sum(l => l.ChargeAmount);
        claim.PaymentAmount = claim.ServiceLines.Sum(l => l.PaidAmount);
        if (random.Next(6) == 0) claim.RemarkCodes.Add(new RemarkCode { Source = "MOA", Code = "MA130" });
        return claim;
    }
}
