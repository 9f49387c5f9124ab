using System.Globalization;
using Appeals.Core.Remittances;

namespace Appeals.Core.Contracts;

/// <summary>
/// A paid service line as the variance reads it, whether from a remittance in memory or from the database.
/// <c>ContractualReduction</c> is the sum of the line's CO adjustments that are not denials (CO-45 and the like): the charge less it
/// is the allowed amount when AMT*B6 is absent. <c>DeniedInFull</c>: nothing paid and a denial on the line, a denial case's
/// business, not a short payment.
/// </summary>
public sealed record PaidLine(long ClaimPaymentId, int LineNumber, string ProcedureCode, string Modifiers, decimal ChargeAmount,
    decimal PaidAmount, decimal Units, decimal? AllowedAmount, decimal ContractualReduction, bool DeniedInFull, DateOnly? ServiceDate)
{
    /// <summary>The lines of a claim as the importer holds it (line-level adjustments on the claim's list).</summary>
    public static IEnumerable<PaidLine> Of(ClaimPayment claim)
    {
        foreach (var line in claim.ServiceLines)
        {
            decimal contractual = 0, denied = 0;
            foreach (var a in claim.AdjustmentsOf(line))
            {
                if (a.IsDenial) denied += a.Amount;
                else if (a.GroupCode == "CO") contractual += a.Amount;
            }
            yield return new PaidLine(claim.Id, line.LineNumber, line.ProcedureCode, line.Modifiers, line.ChargeAmount, line.PaidAmount,
                line.Units, line.AllowedAmount, contractual, line.PaidAmount == 0 && denied > 0, line.ServiceDate ?? claim.ServiceDateFrom);
        }
    }
}

/// <summary>
/// A line compared with its contract: the actual allowed amount (AMT*B6 when sent, else the charge less contractual
/// adjustments), the contracted allowed amount in force on the date of service (the rate per unit times the units), and
/// the shortfall (contracted less actual; negative when the payer allowed more). Null <see cref="Rate"/>: not compared,
/// and <see cref="Why"/> says why. <see cref="BaseRate"/>: the base schedule's rate a percentage rate was priced from.
/// </summary>
public sealed record LineVariance(PaidLine Line, PayerContract? Rate, decimal ContractedAllowed, decimal ActualAllowed, string Why,
    PayerContract? BaseRate = null)
{
    public decimal Shortfall => Rate is null ? 0 : ContractedAllowed - ActualAllowed;
    public bool AllowedFromAmtB6 => Line.AllowedAmount is not null;

    /// <summary>The contract clause the line was priced by, in words (the case page and the underpayment letter); empty when not compared.</summary>
    public string Clause
    {
        get
        {
            if (Rate is not { } r) return "";
            var code = r.ProcedureCode == PayerContract.AnyCode ? "every code" : r.ProcedureCode;
            var modifier = r.Modifier.Length > 0 ? " modifier " + r.Modifier : "";
            var basis = BaseRate is { } b ? $" (base rate {Formatting.MoneyFormat.Money(b.AllowedAmount)})" : "";
            var until = r.EffectiveTo is { } to ? string.Create(CultureInfo.InvariantCulture, $" to {to:yyyy-MM-dd}") : "";
            return string.Create(CultureInfo.InvariantCulture, $"{code}{modifier} at {r.Terms}{basis} per unit, effective {r.EffectiveFrom:yyyy-MM-dd}{until}");
        }
    }

    public static decimal ActualAllowedOf(PaidLine line) => line.AllowedAmount ?? line.ChargeAmount - line.ContractualReduction;

    /// <summary>Compares one line with a payer's schedule (null: the payer has no contract).</summary>
    public static LineVariance Of(PaidLine line, ContractSchedule? schedule)
    {
        var actual = ActualAllowedOf(line);
        if (schedule is null) return new(line, null, 0, actual, "the payer has no contract loaded");
        if (line.DeniedInFull) return new(line, null, 0, actual, "the line was denied in full (a denial, not an underpayment)");
        if (line.ServiceDate is not { } date) return new(line, null, 0, actual, "the line has no date of service");
        if (schedule.Price(line.ProcedureCode, line.Modifiers, date, out var perUnit, out var basis, out var why) is not { } rate)
            return new(line, null, 0, actual, why);
        var units = line.Units > 0 ? line.Units : 1;
        return new(line, rate, decimal.Round(perUnit * units, 2), actual, "", basis);
    }
}

/// <summary>Thresholds of an underpayment case: the claim's shortfall must reach both (issue 16's contract).</summary>
public sealed record UnderpaymentThreshold(decimal MinimumDollars, decimal MinimumPercent)
{
    public static readonly UnderpaymentThreshold Default = new(5.00m, 2m);
}

/// <summary>A claim's compared lines and whether their shortfalls add up to an underpayment.</summary>
public sealed record ClaimVariance(long ClaimPaymentId, IReadOnlyList<LineVariance> Lines)
{
    public decimal Shortfall => Lines.Sum(l => l.Shortfall);
    public decimal ContractedAllowed => Lines.Where(l => l.Rate is not null).Sum(l => l.ContractedAllowed);
    public bool Compared => Lines.Any(l => l.Rate is not null);

    /// <summary>At least the dollars and at least the percent of the contracted amount (both, so that neither a large claim's rounding nor a cheap line's cents opens a case).</summary>
    public bool IsUnderpaid(UnderpaymentThreshold threshold) =>
        Compared && Shortfall >= threshold.MinimumDollars && ContractedAllowed > 0 && Shortfall * 100 >= threshold.MinimumPercent * ContractedAllowed;

    /// <summary>The line that lost the most: its procedure code names the case.</summary>
    public LineVariance Largest => Lines.Where(l => l.Rate is not null).MaxBy(l => l.Shortfall) ?? Lines[0];

    /// <summary>A claim as the importer holds it, compared line by line with the payer's schedule.</summary>
    public static ClaimVariance Of(ClaimPayment claim, ContractSchedule? schedule) =>
        new(claim.Id, [.. PaidLine.Of(claim).Select(l => LineVariance.Of(l, schedule))]);
}
