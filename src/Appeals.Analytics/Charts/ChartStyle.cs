using System.Globalization;
using Appeals.Core.Formatting;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Appeals.Analytics.Charts;

/// <summary>
/// The house style: one sans font, the Okabe-Ito palette (distinguishable with the common colour
/// vision deficiencies), compact dollar axes, sized to read at 800 px wide.
/// </summary>
public static class ChartStyle
{
    public const int Width = 800;
    public const int Height = 500;

    /// <summary>Okabe-Ito, ordered so that the first colours are the most distinct; grey is kept for "other".</summary>
    public static readonly IReadOnlyList<Color> Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#D55E00"),
        Color.FromHex("#56B4E9"), Color.FromHex("#CC79A7"), Color.FromHex("#F0E442"), Color.FromHex("#000000"),
    ];

    public static readonly Color Other = Color.FromHex("#999999");
    public static readonly Color Primary = Palette[0];
    public static readonly Color Accent = Palette[3];

    public static string Percent(double value) => value.ToString("0", CultureInfo.InvariantCulture) + "%";

    internal static void Apply(Plot plot, ChartData chart)
    {
        plot.Font.Set(FontName);
        plot.Title(chart.Title, size: 18);
        plot.XLabel(chart.XLabel, size: 14);
        plot.YLabel(chart.YLabel, size: 14);
        foreach (var axis in plot.Axes.GetAxes())
            axis.TickLabelStyle.FontSize = 12;
        plot.Grid.MajorLineColor = Color.FromHex("#E5E5E5");
    }

    internal static void MoneyAxis(IAxis axis) => axis.TickGenerator = new NumericAutomatic { LabelFormatter = MoneyFormat.ShortMoney };

    internal static void PercentAxis(IAxis axis) => axis.TickGenerator = new NumericAutomatic { LabelFormatter = Percent };

    /// <summary>Category labels under bars: slanted so that long names do not overlap.</summary>
    internal static void CategoryTicks(IAxis axis, IReadOnlyList<string> labels, bool slant = true)
    {
        axis.SetTicks([.. Enumerable.Range(0, labels.Count).Select(i => (double)i)], [.. labels]);
        axis.MajorTickStyle.Length = 0;
        if (!slant) return;
        Slant(axis, labels.Max(l => l.Length));
    }

    /// <summary>Slants the labels and reserves room for them: ScottPlot does not measure rotated labels.</summary>
    internal static void Slant(IAxis axis, int longestLabel)
    {
        axis.TickLabelStyle.Rotation = -40;
        axis.TickLabelStyle.Alignment = Alignment.MiddleRight;
        // About 7 px per character at 12 pt, times sin 40°, plus room for the axis title.
        axis.MinimumSize = (float)(longestLabel * 7 * 0.64 + 40);
    }

    // ScottPlot's Fonts.Sans picked DejaVu Serif on Debian; name the sans fonts we want instead.
    private static readonly string FontName =
        new[] { "DejaVu Sans", "Liberation Sans", "Segoe UI", "Arial", "Helvetica" }
            .FirstOrDefault(name => string.Equals(Fonts.GetTypeface(name, false, false)?.FamilyName, name, StringComparison.OrdinalIgnoreCase))
        ?? Fonts.Default;
}
