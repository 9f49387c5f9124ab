using Appeals.Core.Remittances;

namespace Appeals.Core.Demo;

/// <summary>Generated remittances, in payment-date order, and the truth about every denial in them.</summary>
public sealed record DemoDataSet(IReadOnlyList<Remittance> Remittances, IReadOnlyList<DemoDenial> Denials, int OriginalClaims);

/// <summary>
/// Generates a realistic, fully synthetic stream of remittances: fictional payers paying weekly, claims
/// denied at the benchmark rates and root-cause shares (docs/demo-data.md), later remittances paying some
/// of those denials and a few reversals with their corrected claims. Deterministic for a seed.
/// </summary>
public static class DemoRemittanceGenerator
{
    /// <summary>Share of paid claims that the payer later reverses and reprocesses (assumption).</summary>
    public const double ReversalRate = 0.01;

    public const string PayeeName = "DEMO VALLEY MEDICAL GROUP";
    public const string PayeeIdentifier = "9999999991";

    public static DemoDataSet Generate(DemoOptions options, DemoCalibration? calibration = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Claims);
        calibration ??= DemoCalibration.FromBenchmarks();
        var random = new Random(options.Seed);
        var factory = new DemoClaimFactory(random);
        var payments = new List<(int Payer, DateOnly Date, ClaimPayment Claim)>();
        var denials = new List<DemoDenial>();
        var claimNumbers = 0;
        string NextClaimNumber() => $"DEMOCN{++claimNumbers:D9}";
        var patients = Math.Max(10, options.Claims / 3);

        for (var i = 1; i <= options.Claims; i++)
        {
            var payerIndex = Pick(random, DemoCatalog.Payers, p => p.Weight);
            var payer = DemoCatalog.Payers[payerIndex];
            var serviceDate = options.FirstServiceDate.AddDays(random.Next(options.ServiceDays));
            var provider = $"999000{random.Next(1, 13):D4}";
            var claim = factory.NewClaim(payer, $"DEMO{i:D7}", NextClaimNumber(), random.Next(1, patients + 1), provider, serviceDate);
            var paid = PaymentDate(payerIndex, claim.ReceivedDate!.Value.AddDays(random.Next(10, 25)));

            if (random.NextDouble() < payer.DenialRate)
            {
                var rootCause = calibration.RootCauseShares[Pick(random, calibration.RootCauseShares, c => c.Value)].Key;
                var reasons = DemoCatalog.ReasonsFor(rootCause);
                var reason = reasons[Pick(random, reasons, r => r.Weight)];
                var denied = reason.ClaimLevel ? claim.ServiceLines : [claim.ServiceLines[random.Next(claim.ServiceLines.Count)]];
                if (reason.ClaimLevel) factory.DenyClaim(claim, reason);
                foreach (var line in claim.ServiceLines)
                {
                    if (!denied.Contains(line)) factory.Pay(claim, line, payer);
                    else if (!reason.ClaimLevel) factory.DenyLine(claim, line, reason);
                }
                DemoClaimFactory.Total(claim);
                payments.Add((payerIndex, paid, claim));

                // Reworked and then paid: untimely filing is rarely won, so it recovers at a fifth of the rate.
                var recoveryChance = calibration.ReworkedShare * calibration.OverturnedShare * (rootCause.Contains("Timely", StringComparison.OrdinalIgnoreCase) ? 0.2 : 1);
                decimal recovered = 0;
                DateOnly? recoveredOn = null;
                if (random.NextDouble() < recoveryChance)
                {
                    var partly = random.NextDouble() < 0.2;
                    var correction = factory.Correction(claim, denied, NextClaimNumber(), payer, partly ? 0.6 : 1.0);
                    recoveredOn = PaymentDate(payerIndex, paid.AddDays(random.Next(45, 120)));
                    recovered = correction.PaymentAmount;
                    payments.Add((payerIndex, recoveredOn.Value, correction));
                }
                var top = denied.MaxBy(l => l.ChargeAmount)!;
                denials.Add(new DemoDenial(claim.PatientControlNumber, payer.Identifier, payer.PayerType, rootCause, reason.GroupCode, reason.Carc,
                    reason.ClaimLevel, reason.ClaimLevel ? "" : top.ProcedureCode, provider, claim.ChargeAmount, denied.Sum(l => l.ChargeAmount),
                    serviceDate, paid, recovered, recoveredOn));
                continue;
            }

            foreach (var line in claim.ServiceLines) factory.Pay(claim, line, payer);
            DemoClaimFactory.Total(claim);
            payments.Add((payerIndex, paid, claim));
            if (random.NextDouble() < ReversalRate)
            {
                // Reprocessing after, say, a late fee-schedule update: reverse and pay again in one remittance.
                var again = PaymentDate(payerIndex, paid.AddDays(random.Next(20, 60)));
                payments.Add((payerIndex, again, DemoClaimFactory.Reversal(claim)));
                payments.Add((payerIndex, again, factory.Correction(claim, claim.ServiceLines, NextClaimNumber(), payer, 1.05)));
            }
        }
        if (options.Until is { } until)
        {
            // What the payers have not paid by then has not happened yet: no later remittance, no recovery.
            payments.RemoveAll(p => p.Date > until);
            denials = [.. denials.Where(d => d.DenialDate <= until)
                .Select(d => d.RecoveryDate > until ? d with { RecoveredAmount = 0, RecoveryDate = null } : d)];
        }
        return new DemoDataSet(DemoRemittanceBuilder.Build(payments, random), denials, options.Claims);
    }

    /// <summary>Each payer pays on its own weekday: the first one on or after the adjudication date.</summary>
    private static DateOnly PaymentDate(int payerIndex, DateOnly adjudicated)
    {
        var payday = (DayOfWeek)(1 + payerIndex % 5);
        var days = ((int)payday - (int)adjudicated.DayOfWeek + 7) % 7;
        return adjudicated.AddDays(days);
    }

    internal static int Pick<T>(Random random, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var target = random.NextDouble() * total;
        for (var i = 0; i < items.Count; i++)
        {
            target -= weight(items[i]);
            if (target < 0) return i;
        }
        return items.Count - 1;
    }
}
