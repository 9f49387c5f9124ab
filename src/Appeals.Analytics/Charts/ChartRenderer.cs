using ScottPlot;

namespace Appeals.Analytics.Charts;

/// <summary>Draws a chart in the house style as PNG or SVG. No data gives a chart that says so, never an exception.</summary>
public static class ChartRenderer
{
    public static byte[] Png(ChartData chart, int width = ChartStyle.Width, int height = ChartStyle.Height) =>
        Build(chart).GetImageBytes(width, height, ImageFormat.Png);

    /// <remarks>
    /// The heatmap is a bitmap of one pixel per cell inside the SVG: browsers smooth an enlarged image into a blur,
    /// so every image is marked pixelated (a presentation attribute, which the site's CSP allows where a style would not).
    /// </remarks>
    public static string Svg(ChartData chart, int width = ChartStyle.Width, int height = ChartStyle.Height) =>
        Build(chart).GetSvgXml(width, height).Replace("<image ", "<image image-rendering=\"pixelated\" ", StringComparison.Ordinal);

    /// <summary>Writes PNG or SVG by the file's extension.</summary>
    public static void Save(ChartData chart, string path)
    {
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".png": File.WriteAllBytes(path, Png(chart)); break;
            case ".svg": File.WriteAllText(path, Svg(chart)); break;
            default: throw new ArgumentException("The chart file must end in .png or .svg.", nameof(path));
        }
    }

    internal static Plot Build(ChartData chart)
    {
        var plot = new Plot();
        ChartStyle.Apply(plot, chart);
        if (chart.IsEmpty) DrawEmpty(plot, chart.EmptyMessage);
        else chart.Draw(plot);
        return plot;
    }

    private static void DrawEmpty(Plot plot, string message)
    {
        var text = plot.Add.Text(message, 0, 0);
        text.LabelFontSize = 22;
        text.LabelFontColor = Color.FromHex("#555555");
        text.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(-1, 1, -1, 1);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.HideGrid();
    }
}
