using Appeals.Core.Formatting;
using ScottPlot;

namespace Appeals.Analytics.Charts;

public sealed record PayerCategoryAmount(string Payer, string Category, int Cases, decimal Denied);

/// <summary>Denied dollars for each payer and category: which payer denies what. The 12 costliest payers are shown.</summary>
public sealed class HeatmapChart : ChartData
{
    public const int MaxPayers = 12;

    public HeatmapChart(IReadOnlyList<PayerCategoryAmount> rows)
    {
        Rows = [.. rows.OrderBy(r => r.Payer, StringComparer.Ordinal).ThenBy(r => r.Category, StringComparer.Ordinal)];
        Payers = [.. rows.GroupBy(r => r.Payer).OrderByDescending(g => g.Sum(r => r.Denied)).ThenBy(g => g.Key, StringComparer.Ordinal).Take(MaxPayers).Select(g => g.Key)];
        Categories = [.. rows.GroupBy(r => r.Category).OrderByDescending(g => g.Sum(r => r.Denied)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key)];
    }

    public IReadOnlyList<PayerCategoryAmount> Rows { get; }
    public IReadOnlyList<string> Payers { get; }
    public IReadOnlyList<string> Categories { get; }

    public override ChartKind Kind => ChartKind.Heatmap;
    public override string Title => "Denied dollars by payer and category";
    public override string XLabel => "Denial category";
    public override string YLabel => "Payer";
    public override bool IsEmpty => Rows.Count == 0;

    public override ChartTable ToTable() => new(Title,
        [new("Payer", ColumnFormat.Text), new("Category", ColumnFormat.Text), new("Cases", ColumnFormat.Count), new("Denied", ColumnFormat.Money)],
        [.. Rows.Select(r => (IReadOnlyList<object?>)[r.Payer, CategoryLabel.Of(r.Category), r.Cases, r.Denied])]);

    internal override void Draw(Plot plot)
    {
        // Row 0 of the intensities is drawn at the top: the costliest payer first.
        var cells = new double[Payers.Count, Categories.Count];
        foreach (var r in Rows)
        {
            var p = IndexOf(Payers, r.Payer);
            var c = IndexOf(Categories, r.Category);
            if (p >= 0 && c >= 0) cells[p, c] += (double)r.Denied;
        }
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        var bar = plot.Add.ColorBar(heatmap);
        bar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = MoneyFormat.ShortMoney };
        bar.Axis.Label.Text = "Denied dollars";
        ChartStyle.CategoryTicks(plot.Axes.Bottom, [.. Categories.Select(CategoryLabel.Short)]);
        var rowsFromBottom = Payers.Reverse().ToList();
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, Payers.Count).Select(i => (double)i)], [.. rowsFromBottom]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.HideGrid();
        // Cells fill the frame: no empty band around the grid.
        plot.Axes.Margins(0, 0);
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }
}
