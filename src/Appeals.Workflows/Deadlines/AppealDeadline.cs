namespace Appeals.Workflows.Deadlines;

/// <summary>
/// A computed appeal deadline and its basis, so that a specialist (and an auditor) can see why it is
/// that date.
/// </summary>
/// <param name="Rule">The rule applied, with its citation and source.</param>
/// <param name="NoticeDate">The date that started the clock (the remittance's date for an initial denial).</param>
/// <param name="ClockStart">Notice date plus presumed receipt days.</param>
/// <param name="DueDate">The last day of the filing window in calendar days, as the rule counts it.</param>
/// <param name="FileBy">The last business day on or before <paramref name="DueDate"/>: the date we ask people to file by.</param>
/// <param name="ClockStartedBy">What started the clock, in words.</param>
public sealed record AppealDeadline(
    AppealRule Rule,
    DateOnly NoticeDate,
    DateOnly ClockStart,
    DateOnly DueDate,
    DateOnly FileBy,
    string ClockStartedBy)
{
    /// <summary>One line for the case page and the CLI.</summary>
    public string Basis =>
        $"{Rule.Name} (level {Rule.Level}): {DescribeLimit()} from {Rule.ClockStartsFrom}; " +
        $"clock started {ClockStart:yyyy-MM-dd} by {ClockStartedBy}; {Rule.Citation} [{Rule.Source}]";

    private string DescribeLimit() => Rule.DeadlineMonths is { } m ? $"{m} calendar months" : $"{Rule.DeadlineDays} days";
}

/// <summary>The result of computing a deadline: a date with its basis, or a flag that says why there is none.</summary>
public abstract record DeadlineResult
{
    private DeadlineResult() { }

    public sealed record Computed(AppealDeadline Deadline) : DeadlineResult;

    /// <summary>No rule for this payer and level: flagged for an admin, never given a default.</summary>
    public sealed record NoRule(string Reason) : DeadlineResult;

    /// <summary>The payer forwards the case itself (MA plan to the IRE): nothing to file, no deadline.</summary>
    public sealed record ForwardedByPayer(AppealRule Rule) : DeadlineResult;
}
