using Appeals.ML.History;

namespace Appeals.ML.Evaluation;

/// <summary>Dollars actually recovered by the cases a ranking puts first, for one share of the queue.</summary>
public sealed record TopShareDollars(double Share, int Cases, decimal Model, decimal Fifo, decimal LargestFirst, decimal? Oracle)
{
    /// <summary>(model − largest-first) ÷ (oracle − largest-first): how much of the oracle's edge the model wins.</summary>
    public double? EdgeCaptured => Oracle is { } o && o != LargestFirst ? (double)((Model - LargestFirst) / (o - LargestFirst)) : null;
}

/// <summary>
/// Compares queue orders the way a manager would: work the top 5, 10 or 20 % of cases, count the money that
/// came back. Orders: the model's expected recovery, FIFO (oldest remit first), largest denied first, and
/// the oracle (true probability × denied) when the generator's truth is known.
/// </summary>
public static class RankingEvaluation
{
    public static readonly double[] Shares = [0.05, 0.10, 0.20];

    public static IReadOnlyList<TopShareDollars> Compare(IReadOnlyList<HistoryRecord> rows, IReadOnlyList<double> p, IReadOnlyList<double>? truth)
    {
        var byModel = Order(rows.Count, i => -(double)rows[i].DeniedAmount * p[i]);
        var fifo = Order(rows.Count, i => rows[i].RemitDate.DayNumber);
        var largest = Order(rows.Count, i => -(double)rows[i].DeniedAmount);
        var oracle = truth is null ? null : Order(rows.Count, i => -(double)rows[i].DeniedAmount * truth[i]);
        return Shares.Select(share =>
        {
            var take = (int)Math.Ceiling(rows.Count * share);
            decimal Sum(int[] order) => order.Take(take).Sum(i => rows[i].RecoveredAmount ?? 0);
            return new TopShareDollars(share, take, Sum(byModel), Sum(fifo), Sum(largest), oracle is null ? null : Sum(oracle));
        }).ToList();
    }

    /// <summary>Ascending by key, ties by row index so that every run ranks the same way.</summary>
    private static int[] Order(int count, Func<int, double> key) =>
        Enumerable.Range(0, count).OrderBy(key).ThenBy(i => i).ToArray();
}
