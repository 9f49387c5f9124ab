using Appeals.Core.Denials;
using Appeals.ML.History;

namespace Appeals.ML.Features;

/// <summary>
/// Builds features in remit-date order. A row only sees outcomes known strictly before its own remit date
/// (with no lag: rows remitted before it; rows of the same day are featurised first and counted after), so
/// nothing from the row's own day or later leaks into it.
/// </summary>
public static class HistoryFeatureStream
{
    /// <summary>Rows sorted by remit date, ties by denial id: the order every time split uses.</summary>
    public static List<HistoryRecord> TimeOrdered(IEnumerable<HistoryRecord> rows) =>
        rows.OrderBy(r => r.RemitDate).ThenBy(r => r.DenialId, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Features of time-ordered labelled rows. A row's outcome joins <paramref name="stats"/> once it is known
    /// (<see cref="OutcomeLag.KnownOn"/>), and a row only reads outcomes known strictly before its remit date.
    /// At the end, outcomes known before <paramref name="knownBefore"/> are added (all of them when null): the
    /// snapshot as it stood on that date.
    /// </summary>
    public static FeatureMatrix Learn(IReadOnlyList<HistoryRecord> ordered, FeatureBuilder builder, CarcCatalog catalog, OutcomeStats stats,
        OutcomeLag? lag = null, DateOnly? knownBefore = null)
    {
        lag ??= OutcomeLag.None;
        var matrix = new FeatureMatrix(ordered.Count, builder.Layout.Count);
        var keys = new CaseKeys[ordered.Count];
        var expected = new double[ordered.Count];
        // Outcomes not yet known, by the date they become known (then row order, so that the counts add up the same way every time).
        var pending = new PriorityQueue<int, (DateOnly Known, int Row)>();
        void AddKnownBefore(DateOnly date)
        {
            while (pending.TryPeek(out var d, out var when) && when.Known < date)
            {
                pending.Dequeue();
                stats.Add(keys[d], ordered[d].Label, expected[d]);
            }
        }
        for (var i = 0; i < ordered.Count; i++)
        {
            if (i > 0 && ordered[i].RemitDate < ordered[i - 1].RemitDate)
                throw new ArgumentException("rows must be sorted by remit date", nameof(ordered));
            AddKnownBefore(ordered[i].RemitDate);
            stats.FitEffects();
            keys[i] = CaseKeys.Of(ordered[i], catalog);
            expected[i] = stats.ExpectedRate(keys[i]);
            builder.Build(ordered[i], keys[i], stats, matrix.Row(i));
            pending.Enqueue(i, (lag.KnownOn(ordered[i]), i));
        }
        AddKnownBefore(knownBefore ?? DateOnly.MaxValue);
        while (knownBefore is null && pending.TryDequeue(out var d, out _)) stats.Add(keys[d], ordered[d].Label, expected[d]);
        stats.FitEffects(force: true);
        return matrix;
    }

    /// <summary>Features read from a fixed snapshot of past outcomes, as at scoring time.</summary>
    public static FeatureMatrix Frozen(IReadOnlyList<HistoryRecord> rows, FeatureBuilder builder, CarcCatalog catalog, OutcomeStats stats)
    {
        var matrix = new FeatureMatrix(rows.Count, builder.Layout.Count);
        for (var i = 0; i < rows.Count; i++) builder.Build(rows[i], CaseKeys.Of(rows[i], catalog), stats, matrix.Row(i));
        return matrix;
    }
}
