using Appeals.Core.Contracts;

namespace Appeals.Workflows.Underpayments;

/// <summary>Configuration section <c>Underpayments</c> (issue 16).</summary>
public sealed class UnderpaymentOptions
{
    /// <summary>A claim's shortfall must be at least this many dollars to open a case.</summary>
    public decimal MinimumDollars { get; set; } = UnderpaymentThreshold.Default.MinimumDollars;

    /// <summary>... and at least this percent of the contracted allowed amount.</summary>
    public decimal MinimumPercent { get; set; } = UnderpaymentThreshold.Default.MinimumPercent;

    /// <summary>Per payer (by its identifier) thresholds that replace the two above, e.g. <c>Underpayments:Payers:12345:MinimumDollars</c>.</summary>
    public Dictionary<string, PayerThreshold> Payers { get; set; } = [];

    /// <summary>
    /// The chance of recovering an underpayment assumed until a payer has outcomes: blended with the payer's closed
    /// underpayment cases as if it were <see cref="BaseRateWeight"/> cases' worth of evidence.
    /// </summary>
    public double BaseRecoveryRate { get; set; } = 0.5;

    /// <summary>How many closed cases the base rate counts as; with more of the payer's own, its own rate dominates.</summary>
    public int BaseRateWeight { get; set; } = 10;

    public UnderpaymentThreshold ThresholdFor(string payerIdentifier) =>
        Payers.TryGetValue(payerIdentifier, out var p)
            ? new UnderpaymentThreshold(p.MinimumDollars ?? MinimumDollars, p.MinimumPercent ?? MinimumPercent)
            : new UnderpaymentThreshold(MinimumDollars, MinimumPercent);
}

/// <summary>One payer's thresholds; an unset one falls back to the section's.</summary>
public sealed class PayerThreshold
{
    public decimal? MinimumDollars { get; set; }
    public decimal? MinimumPercent { get; set; }
}
