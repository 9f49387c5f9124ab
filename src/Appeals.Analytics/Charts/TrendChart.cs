using System.Globalization;
using ScottPlot;

namespace Appeals.Analytics.Charts;

public sealed record MonthCategoryAmount(DateOnly Month, string Category, decimal Denied);

/// <summary>
/// Denied dollars by month, stacked by category. Seven categories keep their own colour (the
/// Okabe-Ito palette has eight); the rest are summed as "Other" so that the stack stays readable.
/// Months without denials are shown as zero, not skipped.
/// </summary>
public sealed class TrendChart : ChartData
{
    public const int NamedCategories = 7;
    public const string OtherCategory = "Other";

    public TrendChart(IReadOnlyList<MonthCategoryAmount> rows, DateOnly? from = null, DateOnly? to = null)
    {
        var byCategory = rows.GroupBy(r => r.Category).OrderByDescending(g => g.Sum(r => r.Denied)).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var named = byCategory.Take(NamedCategories).Select(g => g.Key).ToList();
        Series = [.. named.Select(CategoryLabel.Short), .. byCategory.Count > NamedCategories ? [OtherCategory] : Array.Empty<string>()];
        Months = MonthsBetween(from ?? rows.Select(r => (DateOnly?)r.Month).Min(), to ?? rows.Select(r => (DateOnly?)r.Month).Max());
        Denied = new decimal[Months.Count, Series.Count];
        foreach (var r in rows)
        {
            var m = Months.IndexOf(new DateOnly(r.Month.Year, r.Month.Month, 1));
            if (m < 0) continue;
            var s = named.IndexOf(r.Category);
            Denied[m, s < 0 ? Series.Count - 1 : s] += r.Denied;
        }
    }

    public IReadOnlyList<string> Series { get; }
    public List<DateOnly> Months { get; }
    /// <summary>[month, series] denied dollars.</summary>
    public decimal[,] Denied { get; }

    public override ChartKind Kind => ChartKind.Trend;
    public override string Title => "Denied dollars by month and category";
    public override string XLabel => "Month of denial";
    public override string YLabel => "Denied dollars";
    public override bool IsEmpty => Series.Count == 0;

    public override ChartTable ToTable() => new(Title,
        [new("Month", ColumnFormat.Text), .. Series.Select(s => new TableColumn(s, ColumnFormat.Money)), new("Total", ColumnFormat.Money)],
        [.. Months.Select((m, i) => (IReadOnlyList<object?>)
            [m.ToString("yyyy-MM", CultureInfo.InvariantCulture), .. Series.Select((_, s) => (object?)Denied[i, s]), RowTotal(i)])]);

    private decimal RowTotal(int month) => Enumerable.Range(0, Series.Count).Sum(s => Denied[month, s]);

    internal override void Draw(Plot plot)
    {
        var bars = new List<Bar>();
        for (var m = 0; m < Months.Count; m++)
        {
            double bottom = 0;
            for (var s = 0; s < Series.Count; s++)
            {
                var top = bottom + (double)Denied[m, s];
                bars.Add(new Bar { Position = m, ValueBase = bottom, Value = top, FillColor = ColourOf(s), Size = 0.8, LineWidth = 0 });
                bottom = top;
            }
        }
        plot.Add.Bars(bars);
        plot.Legend.ManualItems.AddRange(Series.Select((s, i) => new LegendItem { LabelText = s, FillColor = ColourOf(i) }));
        // Below the chart, the legend leaves the bars the full width.
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        ChartStyle.MoneyAxis(plot.Axes.Left);
        // Label every month up to a year of data, then every quarter, so labels never collide at 800 px.
        var step = Months.Count <= 12 ? 1 : Months.Count <= 36 ? 3 : 12;
        var ticks = Enumerable.Range(0, Months.Count).Where(i => i % step == 0).ToList();
        plot.Axes.Bottom.SetTicks([.. ticks.Select(i => (double)i)], [.. ticks.Select(i => Months[i].ToString("MMM yyyy", CultureInfo.InvariantCulture))]);
        ChartStyle.Slant(plot.Axes.Bottom, "Sep 2026".Length);
        plot.Axes.Margins(bottom: 0);
    }

    private Color ColourOf(int series) => Series[series] == OtherCategory ? ChartStyle.Other : ChartStyle.Palette[series % ChartStyle.Palette.Count];

    private static List<DateOnly> MonthsBetween(DateOnly? from, DateOnly? to)
    {
        if (from is not { } f || to is not { } t) return [];
        var months = new List<DateOnly>();
        // A filter of many years still gives a bounded axis.
        for (var m = new DateOnly(f.Year, f.Month, 1); m <= t && months.Count < 240; m = m.AddMonths(1)) months.Add(m);
        return months;
    }
}
