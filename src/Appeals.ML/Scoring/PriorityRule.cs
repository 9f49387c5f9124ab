namespace Appeals.ML.Scoring;

/// <summary>
/// Queue priority (ADR 0040): expected recovery, raised linearly up to double in the last
/// <see cref="UrgencyWindowDays"/> days before the appeal deadline, and zero once the deadline has passed.
/// </summary>
public static class PriorityRule
{
    public const int UrgencyWindowDays = 30;

    public static decimal Priority(decimal expectedRecovery, DateOnly? deadline, DateOnly today)
    {
        if (deadline is null) return expectedRecovery;
        var daysLeft = deadline.Value.DayNumber - today.DayNumber;
        if (daysLeft < 0) return 0;
        var urgency = 1 + Math.Max(0, UrgencyWindowDays - daysLeft) / (decimal)UrgencyWindowDays;
        return Math.Round(expectedRecovery * urgency, 2);
    }
}
