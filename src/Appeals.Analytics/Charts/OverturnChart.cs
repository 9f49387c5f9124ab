using Appeals.Analytics.Kpis;
using ScottPlot;

namespace Appeals.Analytics.Charts;

/// <summary>Appeals decided and overturned (fully or partly) in one category.</summary>
public sealed record CategoryOverturn(string Category, int Decided, int Overturned, decimal Denied, decimal Recovered)
{
    public Kpi<double> Rate => Ratio.Of(Overturned, Decided, KpiMissing.NoOutcomesYet);
}

/// <summary>Share of decided appeals overturned, by category: where appealing pays.</summary>
public sealed class OverturnChart(IReadOnlyList<CategoryOverturn> rows) : ChartData
{
    public IReadOnlyList<CategoryOverturn> Rows { get; } = [.. rows.Where(r => r.Decided > 0).OrderByDescending(r => r.Rate.Value).ThenBy(r => r.Category, StringComparer.Ordinal)];

    public override ChartKind Kind => ChartKind.Overturn;
    public override string Title => "Appeal overturn rate by category";
    public override string XLabel => "Denial category";
    public override string YLabel => "Decided appeals overturned";
    public override bool IsEmpty => Rows.Count == 0;
    public override string EmptyMessage => "No outcomes yet: no appeal has been decided";

    public override ChartTable ToTable() => new(Title,
        [new("Category", ColumnFormat.Text), new("Appeals decided", ColumnFormat.Count), new("Overturned", ColumnFormat.Count),
         new("Overturn rate", ColumnFormat.Percent), new("Denied", ColumnFormat.Money), new("Recovered", ColumnFormat.Money)],
        [.. Rows.Select(r => (IReadOnlyList<object?>)[CategoryLabel.Of(r.Category), r.Decided, r.Overturned, r.Rate.Value, r.Denied, r.Recovered])]);

    internal override void Draw(Plot plot)
    {
        plot.Add.Bars(Rows.Select((r, i) => new Bar
        {
            Position = i,
            Value = (r.Rate.Value ?? 0) * 100,
            FillColor = ChartStyle.Palette[2],
            Size = 0.7,
            LineWidth = 0,
            // The number of decisions says how much to trust the rate.
            Label = $"n={r.Decided:N0}",
        }).ToList()).ValueLabelStyle.FontSize = 11;
        ChartStyle.PercentAxis(plot.Axes.Left);
        ChartStyle.CategoryTicks(plot.Axes.Bottom, [.. Rows.Select(r => CategoryLabel.Short(r.Category))]);
        // Room above a 100 % bar for its n= label, without a meaningless 110 % tick.
        plot.Axes.SetLimitsY(0, 108);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, 11).Select(i => i * 10.0)], [.. Enumerable.Range(0, 11).Select(i => $"{i * 10}%")]);
    }
}
