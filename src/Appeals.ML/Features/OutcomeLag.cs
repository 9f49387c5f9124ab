using Appeals.ML.History;

namespace Appeals.ML.Features;

/// <summary>
/// When a past case's outcome becomes known to the history features (ADR 0045): on its resolution date when the
/// row has one (closed cases in the database), else <see cref="Days"/> after its remit date. With no lag, an
/// outcome counts from the day after its remit date, as if every appeal were decided at once: optimistic.
/// </summary>
public sealed record OutcomeLag(int Days = 0)
{
    public static OutcomeLag None { get; } = new();

    /// <summary>The first day the outcome is known; rows remitted after that day read it. Never before the remit date.</summary>
    public DateOnly KnownOn(HistoryRecord row)
    {
        var known = row.ResolvedDate ?? row.RemitDate.AddDays(Days);
        return known < row.RemitDate ? row.RemitDate : known;
    }
}
