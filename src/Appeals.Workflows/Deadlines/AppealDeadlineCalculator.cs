namespace Appeals.Workflows.Deadlines;

/// <summary>
/// Deadline arithmetic. Days are calendar days (every rule in appeal_levels.csv counts them so);
/// presumed receipt is added first where the rule says so (Medicare: notice date + 5, 42 CFR 405.942(a)(2)).
/// </summary>
/// <remarks>
/// Weekends: the rules we ship do not all say what happens when the last day falls on a weekend or
/// holiday, and payers differ. We keep <see cref="AppealDeadline.DueDate"/> as the rule counts it and
/// give <see cref="AppealDeadline.FileBy"/> as the last business day on or before it — the conservative
/// choice: we never rely on an extension to the next business day that we cannot cite for every payer.
/// Federal holidays are not modelled (a known gap, see ADR 0061).
/// </remarks>
public static class AppealDeadlineCalculator
{
    /// <summary>Computes the deadline of <paramref name="lookup"/>'s rule from the notice that started the clock.</summary>
    public static DeadlineResult Compute(RuleLookup lookup, DateOnly noticeDate, string clockStartedBy) => lookup switch
    {
        RuleLookup.Missing missing => new DeadlineResult.NoRule(missing.Reason),
        RuleLookup.Found { Rule.ForwardedByPayer: true } found => new DeadlineResult.ForwardedByPayer(found.Rule),
        RuleLookup.Found found => new DeadlineResult.Computed(Compute(found.Rule, noticeDate, clockStartedBy)),
        _ => throw new InvalidOperationException($"Unhandled rule lookup {lookup.GetType().Name}."),
    };

    /// <summary>Computes one rule's deadline (the rule must have a filing window).</summary>
    public static AppealDeadline Compute(AppealRule rule, DateOnly noticeDate, string clockStartedBy)
    {
        var clockStart = noticeDate.AddDays(rule.PresumedReceiptDays);
        var due = rule.DeadlineMonths is { } months ? clockStart.AddMonths(months) : clockStart.AddDays(rule.DeadlineDays);
        var startedBy = rule.PresumedReceiptDays > 0
            ? $"{clockStartedBy} dated {noticeDate:yyyy-MM-dd} + {rule.PresumedReceiptDays} days presumed receipt"
            : $"{clockStartedBy} dated {noticeDate:yyyy-MM-dd}";
        return new AppealDeadline(rule, noticeDate, clockStart, due, LastBusinessDayOnOrBefore(due), startedBy);
    }

    /// <summary>The date itself when it is a weekday, else the Friday before.</summary>
    public static DateOnly LastBusinessDayOnOrBefore(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(-2),
        _ => date,
    };
}
