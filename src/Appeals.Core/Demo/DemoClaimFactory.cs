using Appeals.Core.Remittances;

namespace Appeals.Core.Demo;

/// <summary>
/// Builds the claim payments of the demo: paid lines with a CO-45 contractual reduction and PR-1/2/3
/// patient responsibility, denied lines or claims, and reversals. Every draw comes from the one seeded Random.
/// </summary>
internal sealed class DemoClaimFactory(Random random)
{
    private static readonly int[] LineCounts = [1, 1, 1, 1, 2, 2, 2, 3, 3, 4];

    public ClaimPayment NewClaim(DemoPayer payer, string pcn, string payerClaimNumber, int patient, string provider, DateOnly serviceDate)
    {
        var claim = new ClaimPayment
        {
            PatientControlNumber = pcn,
            StatusCode = 1,
            ClaimFilingIndicator = payer.FilingIndicator,
            PayerClaimControlNumber = payerClaimNumber,
            FacilityTypeCode = "11",
            FrequencyCode = "1",
            // Visibly fake patients: never a real name, member id or birth date.
            PatientLastName = "DEMOPATIENT",
            PatientFirstName = $"TEST{patient:D5}",
            MemberId = $"ZZDEMO{patient:D7}",
            RenderingProviderId = provider,
            ServiceDateFrom = serviceDate,
            ServiceDateTo = serviceDate,
            ReceivedDate = serviceDate.AddDays(random.Next(2, 12)),
        };
        var count = LineCounts[random.Next(LineCounts.Length)];
        for (var i = 1; i <= count; i++)
        {
            var procedure = DemoCatalog.Procedures[random.Next(DemoCatalog.Procedures.Count)];
            var units = procedure.MaxUnits == 1 ? 1 : random.Next(1, procedure.MaxUnits + 1);
            claim.ServiceLines.Add(new ServiceLine
            {
                LineNumber = i,
                ProcedureQualifier = "HC",
                ProcedureCode = procedure.Code,
                Modifiers = procedure.Modifiers,
                ChargeAmount = procedure.Charge * units,
                Units = units,
                ServiceDate = serviceDate,
                LineControlNumber = $"{pcn}-{i}",
            });
        }
        return claim;
    }

    /// <summary>Prices a line the payer accepts: allowed = charge × ratio (±10%), CO-45 for the rest, then the patient's share.</summary>
    public void Pay(ClaimPayment claim, ServiceLine line, DemoPayer payer, double allowedFactor = 1.0)
    {
        var ratio = payer.AllowedRatio * (decimal)(0.9 + random.NextDouble() * 0.2) * (decimal)allowedFactor;
        var allowed = Math.Round(line.ChargeAmount * ratio, 2);
        line.AllowedAmount = allowed;
        Add(claim, line, "CO", "45", line.ChargeAmount - allowed);
        var patientShare = PatientShare(claim, payer, line, allowed);
        line.PaidAmount = allowed - patientShare;
    }

    /// <summary>Denies one line in full with the reason's group and CARC.</summary>
    public void DenyLine(ClaimPayment claim, ServiceLine line, DemoReason reason)
    {
        line.PaidAmount = 0;
        Add(claim, line, reason.GroupCode, reason.Carc, line.ChargeAmount);
    }

    /// <summary>Denies the whole claim with one claim-level adjustment; the lines show nothing paid.</summary>
    public void DenyClaim(ClaimPayment claim, DemoReason reason)
    {
        foreach (var line in claim.ServiceLines) line.PaidAmount = 0;
        claim.Adjustments.Add(new Adjustment { GroupCode = reason.GroupCode, Carc = reason.Carc, Amount = claim.ServiceLines.Sum(l => l.ChargeAmount) });
        // Payers send a claim-level denial as status 4 about half the time, else as processed (1) with nothing paid.
        claim.StatusCode = random.NextDouble() < 0.5 ? 4 : 1;
    }

    /// <summary>Sets CLP03, CLP04 and CLP05 from the lines and adjustments.</summary>
    public static void Total(ClaimPayment claim)
    {
        claim.ChargeAmount = claim.ServiceLines.Sum(l => l.ChargeAmount);
        claim.PaymentAmount = claim.ServiceLines.Sum(l => l.PaidAmount);
        var patient = claim.Adjustments.Where(a => a.GroupCode == "PR").Sum(a => a.Amount);
        claim.PatientResponsibilityAmount = patient == 0 ? null : patient;
    }

    /// <summary>A CLP02=22 reversal: the original claim with every amount negated, same CLP01 and CLP07.</summary>
    public static ClaimPayment Reversal(ClaimPayment original)
    {
        var reversal = FollowUpOf(original, statusCode: 22, frequencyCode: "8", original.PayerClaimControlNumber);
        foreach (var line in original.ServiceLines)
        {
            var negated = new ServiceLine
            {
                LineNumber = line.LineNumber, ProcedureQualifier = line.ProcedureQualifier, ProcedureCode = line.ProcedureCode,
                Modifiers = line.Modifiers, ChargeAmount = -line.ChargeAmount, PaidAmount = -line.PaidAmount, Units = line.Units,
                ServiceDate = line.ServiceDate, LineControlNumber = line.LineControlNumber,
            };
            reversal.ServiceLines.Add(negated);
            foreach (var a in original.AdjustmentsOf(line)) Add(reversal, negated, a.GroupCode, a.Carc, -a.Amount);
        }
        Total(reversal);
        return reversal;
    }

    /// <summary>
    /// A corrected or reprocessed claim that pays what was denied (or replaces a reversed claim): same CLP01,
    /// a new CLP07, REF*F8 with the original CLP07 and frequency 7, so that matching closes the loop.
    /// </summary>
    public ClaimPayment Correction(ClaimPayment original, IEnumerable<ServiceLine> lines, string payerClaimNumber, DemoPayer payer, double allowedFactor)
    {
        var corrected = FollowUpOf(original, statusCode: 1, frequencyCode: "7", payerClaimNumber);
        corrected.OriginalReferenceNumber = original.PayerClaimControlNumber;
        corrected.ReceivedDate = original.ReceivedDate;
        foreach (var line in lines)
        {
            var copy = new ServiceLine
            {
                LineNumber = corrected.ServiceLines.Count + 1, ProcedureQualifier = line.ProcedureQualifier, ProcedureCode = line.ProcedureCode,
                Modifiers = line.Modifiers, ChargeAmount = line.ChargeAmount, Units = line.Units, ServiceDate = line.ServiceDate,
                LineControlNumber = line.LineControlNumber,
            };
            corrected.ServiceLines.Add(copy);
            Pay(corrected, copy, payer, allowedFactor);
        }
        Total(corrected);
        return corrected;
    }

    private decimal PatientShare(ClaimPayment claim, DemoPayer payer, ServiceLine line, decimal allowed)
    {
        // Office and hospital visits (E/M 992xx) carry a copay; other services coinsurance or deductible.
        var evaluation = line.ProcedureCode.StartsWith("992", StringComparison.Ordinal);
        var earlyInYear = line.ServiceDate is { Month: <= 2 };
        decimal deductible = 0, coinsurance = 0, copay = 0;
        switch (payer.PayerType)
        {
            case PayerTypes.Medicare:
                if (earlyInYear && random.NextDouble() < 0.3) deductible = Math.Min(allowed, 257m);
                coinsurance = Math.Round((allowed - deductible) * 0.20m, 2);
                break;
            case PayerTypes.MedicareAdvantage:
                if (evaluation) copay = Math.Min(allowed, random.NextDouble() < 0.5 ? 20m : 35m);
                else coinsurance = Math.Round(allowed * 0.20m, 2);
                break;
            case PayerTypes.Medicaid:
                if (evaluation && random.NextDouble() < 0.2) copay = Math.Min(allowed, 4m);
                break;
            default:
                if (evaluation) copay = Math.Min(allowed, random.NextDouble() < 0.5 ? 25m : 40m);
                else if (earlyInYear && random.NextDouble() < 0.5) deductible = Math.Min(allowed, Math.Round(allowed * 0.8m, 2));
                else coinsurance = Math.Round(allowed * 0.20m, 2);
                break;
        }
        if (deductible > 0) Add(claim, line, "PR", "1", deductible);
        if (coinsurance > 0) Add(claim, line, "PR", "2", coinsurance);
        if (copay > 0) Add(claim, line, "PR", "3", copay);
        return deductible + coinsurance + copay;
    }

    private static void Add(ClaimPayment claim, ServiceLine line, string group, string carc, decimal amount)
    {
        if (amount == 0) return;
        claim.Adjustments.Add(new Adjustment { GroupCode = group, Carc = carc, Amount = amount, ServiceLine = line });
    }

    /// <summary>A later claim payment about the same claim: same patient, claim and provider, no lines yet.</summary>
    private static ClaimPayment FollowUpOf(ClaimPayment original, int statusCode, string frequencyCode, string payerClaimNumber) => new()
    {
        PatientControlNumber = original.PatientControlNumber,
        StatusCode = statusCode,
        ClaimFilingIndicator = original.ClaimFilingIndicator,
        PayerClaimControlNumber = payerClaimNumber,
        FacilityTypeCode = original.FacilityTypeCode,
        FrequencyCode = frequencyCode,
        PatientLastName = original.PatientLastName,
        PatientFirstName = original.PatientFirstName,
        MemberId = original.MemberId,
        RenderingProviderId = original.RenderingProviderId,
        ServiceDateFrom = original.ServiceDateFrom,
        ServiceDateTo = original.ServiceDateTo,
    };
}
