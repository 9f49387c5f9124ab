using ScottPlot;

namespace Appeals.Analytics.Charts;

public sealed record CategoryAmount(string Category, int Cases, decimal Denied);

/// <summary>Denied dollars by category, largest first, with the cumulative share: where most of the money goes.</summary>
public sealed class ParetoChart(IReadOnlyList<CategoryAmount> rows) : ChartData
{
    public IReadOnlyList<CategoryAmount> Rows { get; } = [.. rows.OrderByDescending(r => r.Denied).ThenBy(r => r.Category, StringComparer.Ordinal)];

    public override ChartKind Kind => ChartKind.Pareto;
    public override string Title => "Denied dollars by category (Pareto)";
    public override string XLabel => "Denial category";
    public override string YLabel => "Denied dollars";
    public override bool IsEmpty => Rows.Count == 0 || Total == 0;

    private decimal Total => Rows.Sum(r => r.Denied);

    /// <summary>The running share of all denied dollars, one per row.</summary>
    public IReadOnlyList<double> Cumulative()
    {
        var total = Total;
        var running = 0m;
        return [.. Rows.Select(r => total == 0 ? 0 : (double)((running += r.Denied) / total))];
    }

    public override ChartTable ToTable()
    {
        var total = Total;
        var cumulative = Cumulative();
        return new ChartTable(Title,
            [new("Category", ColumnFormat.Text), new("Cases", ColumnFormat.Count), new("Denied", ColumnFormat.Money),
             new("Share", ColumnFormat.Percent), new("Cumulative share", ColumnFormat.Percent)],
            [.. Rows.Select((r, i) => (IReadOnlyList<object?>)
                [CategoryLabel.Of(r.Category), r.Cases, r.Denied, total == 0 ? null : (double)(r.Denied / total), cumulative[i]])]);
    }

    internal override void Draw(Plot plot)
    {
        var bars = plot.Add.Bars(Rows.Select((r, i) => new Bar { Position = i, Value = (double)r.Denied, FillColor = ChartStyle.Primary, Size = 0.7, LineWidth = 0 }).ToList());
        ChartStyle.MoneyAxis(plot.Axes.Left);
        ChartStyle.CategoryTicks(plot.Axes.Bottom, [.. Rows.Select(r => CategoryLabel.Short(r.Category))]);

        var xs = Enumerable.Range(0, Rows.Count).Select(i => (double)i).ToArray();
        var line = plot.Add.Scatter(xs, [.. Cumulative().Select(c => c * 100)], ChartStyle.Accent);
        line.LineWidth = 2.5f;
        line.MarkerSize = 7;
        line.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "Cumulative share of denied dollars";
        plot.Axes.Right.Label.FontSize = 14;
        ChartStyle.PercentAxis(plot.Axes.Right);
        // Margins autoscale every axis: the right one is fixed to 0–100 % after it.
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsY(0, 105, plot.Axes.Right);
        bars.LegendText = "Denied dollars";
        line.LegendText = "Cumulative %";
        plot.Legend.Alignment = Alignment.MiddleRight;
    }
}
