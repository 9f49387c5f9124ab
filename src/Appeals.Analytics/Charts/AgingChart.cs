using Appeals.Analytics.Kpis;
using ScottPlot;

namespace Appeals.Analytics.Charts;

/// <summary>Open cases by days since denial: how much money is getting old.</summary>
public sealed class AgingChart(IReadOnlyList<AgingBucketRow> rows) : ChartData
{
    public IReadOnlyList<AgingBucketRow> Rows { get; } = rows;

    public override ChartKind Kind => ChartKind.Aging;
    public override string Title => "Open denials by age";
    public override string XLabel => "Days since denial";
    public override string YLabel => "Denied dollars still open";
    public override bool IsEmpty => Rows.All(r => r.Cases == 0);
    public override string EmptyMessage => "No open denials for this filter";

    public override ChartTable ToTable() => new(Title,
        [new("Days since denial", ColumnFormat.Text), new("Open cases", ColumnFormat.Count), new("Denied", ColumnFormat.Money)],
        [.. Rows.Select(r => (IReadOnlyList<object?>)[r.Bucket, r.Cases, r.DeniedAmount])]);

    internal override void Draw(Plot plot)
    {
        // Older buckets in warmer colours: the eye goes to money about to age out.
        Color[] colours = [ChartStyle.Palette[4], ChartStyle.Palette[0], ChartStyle.Palette[1], ChartStyle.Palette[3], ChartStyle.Palette[7]];
        plot.Add.Bars(Rows.Select((r, i) => new Bar
        {
            Position = i,
            Value = (double)r.DeniedAmount,
            FillColor = colours[i % colours.Length],
            Size = 0.6,
            LineWidth = 0,
            Label = $"{r.Cases:N0} cases",
        }).ToList()).ValueLabelStyle.FontSize = 12;
        ChartStyle.MoneyAxis(plot.Axes.Left);
        ChartStyle.CategoryTicks(plot.Axes.Bottom, [.. Rows.Select(r => r.Bucket)], slant: false);
        plot.Axes.Margins(bottom: 0, top: 0.15);
    }
}
