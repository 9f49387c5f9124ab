using Appeals.Core.Denials;
using Appeals.ML.History;

namespace Appeals.ML.Features;

/// <summary>
/// Builds features in remit-date order. A row only sees outcomes of rows remitted strictly before its
/// own remit date: rows of the same day are featurised first and counted after, so nothing from the
/// row's own day or later leaks into it.
/// </summary>
public static class HistoryFeatureStream
{
    /// <summary>Rows sorted by remit date, ties by denial id: the order every time split uses.</summary>
    public static List<HistoryRecord> TimeOrdered(IEnumerable<HistoryRecord> rows) =>
        rows.OrderBy(r => r.RemitDate).ThenBy(r => r.DenialId, StringComparer.Ordinal).ToList();

    /// <summary>Features of time-ordered labelled rows; <paramref name="stats"/> gains each day's outcomes after that day is featurised.</summary>
    public static FeatureMatrix Learn(IReadOnlyList<HistoryRecord> ordered, FeatureBuilder builder, CarcCatalog catalog, OutcomeStats stats)
    {
        var matrix = new FeatureMatrix(ordered.Count, builder.Layout.Count);
        var keys = new CaseKeys[ordered.Count];
        var expected = new double[ordered.Count];
        var dayStart = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (i > 0 && ordered[i].RemitDate != ordered[i - 1].RemitDate)
            {
                if (ordered[i].RemitDate < ordered[i - 1].RemitDate)
                    throw new ArgumentException("rows must be sorted by remit date", nameof(ordered));
                for (var d = dayStart; d < i; d++) stats.Add(keys[d], ordered[d].Label, expected[d]);
                dayStart = i;
            }
            keys[i] = CaseKeys.Of(ordered[i], catalog);
            expected[i] = stats.ExpectedRate(keys[i]);
            builder.Build(ordered[i], keys[i], stats, matrix.Row(i));
        }
        for (var d = dayStart; d < ordered.Count; d++) stats.Add(keys[d], ordered[d].Label, expected[d]);
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
