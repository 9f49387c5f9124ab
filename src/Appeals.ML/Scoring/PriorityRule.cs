using System.Globalization;
using Appeals.Core.Denials;
using static Appeals.Core.Formatting.MoneyFormat;

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
    /// did to it, or what left it without one (<paramref name="deadlineBasis"/>). One explanation for the queue, the
    /// case page and `appeals cases list`.
    /// </summary>
    public static string Explain(decimal priority, decimal? expectedRecovery, double? probability, decimal deniedAmount, DateOnly? deadline, DateOnly today,
        DenialCaseStatus? status = null, string deadlineBasis = "")
    {
        if (expectedRecovery is not { } ev || probability is not { } p) return "not scored yet: ranks after every scored case";
        var basis = string.Create(CultureInfo.InvariantCulture, $"expected recovery {Money(ev)} ({p:P0} of {Money(deniedAmount)} denied)");
        if (status == DenialCaseStatus.Appealed) return $"{basis}; submitted to the payer, so no filing deadline applies while it decides";
        if (deadline is not { } due) return $"{basis}; {WhyNoDeadline(deadlineBasis)}, so not raised: it ranks by expected recovery alone";
        var daysLeft = due.DayNumber - today.DayNumber;
        if (daysLeft < 0) return string.Create(CultureInfo.InvariantCulture, $"{basis}; deadline {due:yyyy-MM-dd} passed {-daysLeft} days ago, so priority 0: nothing more can be filed");
        if (daysLeft >= UrgencyWindowDays) return string.Create(CultureInfo.InvariantCulture, $"{basis}; deadline {due:yyyy-MM-dd} in {daysLeft} days, not yet raised");
        return string.Create(CultureInfo.InvariantCulture,
            $"{basis}; raised to {priority:N2} because the deadline {due:yyyy-MM-dd} is {daysLeft} days away (up to double in the last {UrgencyWindowDays} days)");
    }

    /// <summary>The planner's reason for no deadline ("FLAGGED: no rule for ...", "No payer appeal deadline on the ... route."), as a clause.</summary>
    private static string WhyNoDeadline(string deadlineBasis)
    {
        var reason = deadlineBasis.Trim().TrimEnd('.');
        const string flagged = "FLAGGED: ";
        if (reason.StartsWith(flagged, StringComparison.Ordinal))
            return $"no appeal deadline known: {char.ToLowerInvariant(reason[flagged.Length])}{reason[(flagged.Length + 1)..]}";
        return reason.Length == 0 ? "no appeal deadline planned yet" : $"no appeal deadline: {char.ToLowerInvariant(reason[0])}{reason[1..]}";
    }
}
