using ScottPlot;

namespace Appeals.Analytics.Charts;

public sealed record CarcAmount(string Carc, string Category, int Cases, decimal Denied);

/// <summary>The 15 reason codes that cost the most.</summary>
public sealed class TopCarcsChart(IReadOnlyList<CarcAmount> rows) : ChartData
{
    public const int Count = 15;

    public IReadOnlyList<CarcAmount> Rows { get; } = [.. rows.OrderByDescending(r => r.Denied).ThenBy(r => r.Carc, StringComparer.Ordinal).Take(Count)];

    public override ChartKind Kind => ChartKind.TopCarcs;
    public override string Title => $"Top {Count} reason codes (CARC) by denied dollars";
    public override string XLabel => "Denied dollars";
    public override string YLabel => "CARC";
    public override bool IsEmpty => Rows.Count == 0;

    public override ChartTable ToTable() => new(Title,
        [new("CARC", ColumnFormat.Text), new("Category", ColumnFormat.Text), new("Cases", ColumnFormat.Count), new("Denied", ColumnFormat.Money)],
        [.. Rows.Select(r => (IReadOnlyList<object?>)[r.Carc, CategoryLabel.Of(r.Category), r.Cases, r.Denied])]);

    internal override void Draw(Plot plot)
    {
        // Largest at the top, as people read a ranking.
        var n = Rows.Count;
        var bars = plot.Add.Bars(Rows.Select((r, i) => new Bar { Position = n - 1 - i, Value = (double)r.Denied, FillColor = ChartStyle.Primary, Size = 0.7, LineWidth = 0 }).ToList());
        bars.Horizontal = true;
        ChartStyle.MoneyAxis(plot.Axes.Bottom);
        var labels = Rows.Select(r => $"{r.Carc} · {CategoryLabel.Of(r.Category)}").Reverse().ToList();
        ChartStyle.CategoryTicks(plot.Axes.Left, labels, slant: false);
        plot.Axes.Margins(left: 0);
    }
}
