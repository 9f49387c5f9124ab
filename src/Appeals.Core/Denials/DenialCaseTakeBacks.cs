namespace Appeals.Core.Denials;

/// <summary>
/// A take-back of money the case had recovered (issue 16, ADR 0105): the payer recovers through a PLB offset what a later
/// remittance paid on the case's claim. Kept in its own file so that the case's other changes stay apart from it.
/// </summary>
public sealed partial class DenialCase
{
    private decimal _takenBackAmount;

    /// <summary>
    /// Money the payer took back (PLB offsets on later remittances) out of what the case had recovered; <see cref="RecoveredAmount"/>
    /// is already net of it, and the outcomes of later ERAs keep it net (payments less this, never below zero).
    /// </summary>
    public decimal TakenBackAmount { get => _takenBackAmount; init => _takenBackAmount = value; }

    /// <summary>
    /// Charges a take-back of <paramref name="amount"/> against the recovery: at most what is recovered now (the rest was money
    /// the payer had paid before the denial, not the case's). Returns the part charged; zero changes nothing.
    /// </summary>
    public decimal RecordTakeBack(decimal amount)
    {
        if (amount <= 0) throw new ArgumentOutOfRangeException(nameof(amount), amount, "A take-back is a positive amount.");
        var charged = Math.Min(amount, RecoveredAmount);
        if (charged == 0) return 0;
        _takenBackAmount += charged;
        _recoveredAmount -= charged;
        RenewVersion();
        return charged;
    }

    /// <summary>The case is reopened by a new notice from the payer (a take-back): the current level's clock starts again on <paramref name="notice"/>.</summary>
    public void RestartLevelClock(DateOnly notice)
    {
        _levelNoticeDate = notice;
        _deadlineMissed = false;
        RenewVersion();
    }
}
