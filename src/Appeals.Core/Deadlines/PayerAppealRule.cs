using Appeals.Core.Remittances;

namespace Appeals.Core.Deadlines;

/// <summary>
/// An admin's appeal rule for one payer and level. It replaces the shipped rule of the payer's type
/// (Reference/appeal_levels.csv) for that level, because contracts and state law often differ.
/// </summary>
public sealed class PayerAppealRule
{
    public long Id { get; set; }

    public long PayerId { get; set; }
    public Payer? Payer { get; set; }

    /// <summary>Appeal level: 0 reopening / corrected claim, 1 first appeal, 2 second...</summary>
    public int Level { get; set; }
    public required string Name { get; set; }
    /// <summary>Days from the clock start to the deadline; 0 (with no months) means the payer forwards it on its own (no filing).</summary>
    public int DeadlineDays { get; set; }
    /// <summary>Calendar months instead of days, when the payer states the limit in months; null for a limit in days.</summary>
    public int? DeadlineMonths { get; set; }
    /// <summary>Days added to the notice date for presumed receipt (Medicare presumes 5); 0 when the clock starts at the notice date.</summary>
    public int PresumedReceiptDays { get; set; }
    /// <summary>What starts the clock, in words shown with the deadline.</summary>
    public required string ClockStartsFrom { get; set; }
    /// <summary>Where the rule comes from (contract section, provider manual page, statute).</summary>
    public required string Citation { get; set; }

    public required string ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
