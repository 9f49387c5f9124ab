namespace Appeals.Workflows.Deadlines;

/// <summary>
/// One appeal level's filing rule as the deadline arithmetic needs it, with where it came from.
/// </summary>
/// <param name="RuleType">The rule set: a CSV payer_type (e.g. medicare_ffs) or "payer:ID" for an admin override.</param>
/// <param name="Level">0 reopening / corrected claim, 1 first appeal, 2 second...</param>
/// <param name="Name">The level's name, e.g. "Redetermination (MAC)".</param>
/// <param name="DeadlineDays">Calendar days from the clock start; 0 when the payer forwards the case itself.</param>
/// <param name="DeadlineMonths">Calendar months instead of days, when the rule is stated in months (ACA external review: 4).</param>
/// <param name="PresumedReceiptDays">Days added to the notice date for presumed receipt (Medicare: 5).</param>
/// <param name="ClockStartsFrom">What starts the clock, as the rule says it.</param>
/// <param name="Citation">The regulation or manual the rule comes from.</param>
/// <param name="Source">"shipped" (Reference/appeal_levels.csv) or "payer override".</param>
public sealed record AppealRule(
    string RuleType,
    int Level,
    string Name,
    int DeadlineDays,
    int? DeadlineMonths,
    int PresumedReceiptDays,
    string ClockStartsFrom,
    string Citation,
    string Source)
{
    public const string Shipped = "shipped";
    public const string PayerOverride = "payer override";

    /// <summary>True when nothing has to be filed: the payer forwards an adverse decision on its own (MA level 2, the IRE).</summary>
    public bool ForwardedByPayer => DeadlineDays == 0 && DeadlineMonths is null;
}
