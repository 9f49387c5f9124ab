namespace Appeals.Core.Rollups;

/// <summary>The key every denial-day rollup shares, so one filter serves them all.</summary>
public interface IDenialDayKey
{
    /// <summary>The day the payer denied the cases.</summary>
    DateOnly DenialDate { get; }
    /// <summary>The payer of the cases.</summary>
    long PayerId { get; }
    /// <summary>The root-cause category of the cases.</summary>
    string Category { get; }
}

/// <summary>
/// The denial cases of one denial day, payer and category, summed: what the dashboard's KPIs and
/// charts read instead of a million case rows (ADR 0052). Database triggers keep it equal to a
/// recomputation from <c>DenialCases</c> on every insert, update and delete, whatever writes them
/// (EF, the bulk importer, raw SQL). Money is in whole cents; durations in seconds.
/// </summary>
public sealed class DenialDayRollup : IDenialDayKey
{
    public DateOnly DenialDate { get; set; }
    public long PayerId { get; set; }
    public string Category { get; set; } = "";

    public long Cases { get; set; }
    public long DeniedCents { get; set; }
    public long AvoidableCases { get; set; }
    public long AvoidableCents { get; set; }
    /// <summary>Cases whose outcome is known (recovered, partially recovered, upheld, written off, closed).</summary>
    public long ResolvedCases { get; set; }
    public long RecoveredCents { get; set; }
    /// <summary>Denied minus recovered cents of written-off cases.</summary>
    public long WrittenOffCents { get; set; }
    /// <summary>Cases with a first appeal (or corrected claim) submitted, and the seconds from denial date to it.</summary>
    public long AppealedCases { get; set; }
    public long AppealSeconds { get; set; }
    /// <summary>Appealed cases whose appeal was decided (recovered, partially recovered, upheld).</summary>
    public long AppealsDecided { get; set; }
    public long AppealsOverturned { get; set; }
    public long DecidedDeniedCents { get; set; }
    public long DecidedRecoveredCents { get; set; }
    public long DeadlinesMissed { get; set; }
    /// <summary>Resolved cases with a closing instant, and the seconds from denial date to it.</summary>
    public long TimedResolutions { get; set; }
    public long ResolutionSeconds { get; set; }
    /// <summary>Cases not yet resolved: aging buckets come from these per denial day.</summary>
    public long OpenCases { get; set; }
    public long OpenDeniedCents { get; set; }
    /// <summary>Cases closed as recovered or partially recovered, and the seconds from denial date to closing (days to recovery).</summary>
    public long RecoveredResolutions { get; set; }
    public long RecoverySeconds { get; set; }

    // Appeals decided (decided at the level, or escalated past it) and overturned per appeal level 1-5 (RollupTable.AppealLevels).
    public long Level1Decided { get; set; }
    public long Level1Overturned { get; set; }
    public long Level2Decided { get; set; }
    public long Level2Overturned { get; set; }
    public long Level3Decided { get; set; }
    public long Level3Overturned { get; set; }
    public long Level4Decided { get; set; }
    public long Level4Overturned { get; set; }
    public long Level5Decided { get; set; }
    public long Level5Overturned { get; set; }
}

/// <summary>Denial cases per denial day, payer, category and primary reason ("CO-197"): the top-CARC chart's source.</summary>
public sealed class DenialReasonDayRollup : IDenialDayKey
{
    public DateOnly DenialDate { get; set; }
    public long PayerId { get; set; }
    public string Category { get; set; } = "";
    public string PrimaryReason { get; set; } = "";

    public long Cases { get; set; }
    public long DeniedCents { get; set; }
}

/// <summary>
/// Adjudicated claims (reversals excluded) per remittance: the denial rate's denominator. Keyed by
/// remittance rather than by its date and payer, so the trigger needs no lookup and a changed or
/// deleted remittance cannot leave it stale; queries join the (few) remittances for date and payer. No foreign key: a
/// cascade from a deleted remittance would race the claims' own delete trigger.
/// </summary>
public sealed class ClaimRemittanceRollup
{
    public long RemittanceId { get; set; }

    public long Claims { get; set; }
    public long ChargeCents { get; set; }
    /// <summary>Claims paid (payment above zero) with a service date, and the sum of their service dates as days since 1970-01-01.</summary>
    public long PaidDatedClaims { get; set; }
    public long PaidServiceDays { get; set; }
}

/// <summary>Underpayment cases per denial (remittance) day and payer (issue 16's scorecard): count, shortfall, recovered (at most the shortfall).</summary>
public sealed class UnderpaymentDayRollup
{
    public DateOnly DenialDate { get; set; }
    public long PayerId { get; set; }

    public long Cases { get; set; }
    public long ShortfallCents { get; set; }
    public long RecoveredCents { get; set; }
}
