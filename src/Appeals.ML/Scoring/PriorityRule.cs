using System.Globalization;

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

    /// <summary>
    /// Why a case ranks where it does, in words: its expected recovery (chance × denied dollars), and what its deadline
    /// did to it. For the queue's reader and `appeals cases list`.
    /// </summary>
    public static string Explain(decimal priority, decimal? expectedRecovery, double? probability, decimal deniedAmount, DateOnly? deadline, DateOnly today)
    {
        if (expectedRecovery is not { } ev || probability is not { } p) return "not scored yet: ranks after every scored case";
        var basis = string.Create(CultureInfo.InvariantCulture, $"expected recovery ${ev:N2} ({p:P0} of ${deniedAmount:N2} denied)");
        if (deadline is not { } due) return $"{basis}; no appeal deadline known, so not raised";
        var daysLeft = due.DayNumber - today.DayNumber;
        if (daysLeft < 0) return string.Create(CultureInfo.InvariantCulture, $"{basis}; deadline {due:yyyy-MM-dd} passed {-daysLeft} days ago, so priority 0: nothing more can be filed");
        if (daysLeft >= UrgencyWindowDays) return string.Create(CultureInfo.InvariantCulture, $"{basis}; deadline {due:yyyy-MM-dd} in {daysLeft} days, not yet raised");
        return string.Create(CultureInfo.InvariantCulture,
            $"{basis}; raised to {priority:N2} because the deadline {due:yyyy-MM-dd} is {daysLeft} days away (up to double in the last {UrgencyWindowDays} days)");
    }
}
