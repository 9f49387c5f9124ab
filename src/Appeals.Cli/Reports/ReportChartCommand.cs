using System.ComponentModel;
using Appeals.Analytics.Charts;
using Appeals.Cli.Common;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Reports;

public sealed class ReportChartSettings : ReportSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("pareto, trend, heatmap, top-carcs, aging or overturn")]
    public string Name { get; init; } = "";

    [CommandOption("--out <FILE>")]
    [Description("The image to write: .png or .svg")]
    public string Out { get; init; } = "";

    public override ValidationResult Validate()
    {
        if (!ChartNames.TryParse(Name, out _))
            return ValidationResult.Error($"NAME must be one of: {string.Join(", ", ChartNames.All)}");
        if (Path.GetExtension(Out).ToLowerInvariant() is not (".png" or ".svg"))
            return ValidationResult.Error("--out must name a .png or .svg file");
        return base.Validate();
    }
}

/// <summary>`appeals report chart NAME --out FILE(.png|.svg) [filters]`.</summary>
public sealed class ReportChartCommand(IAnsiConsole console) : AsyncCommand<ReportChartSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReportChartSettings settings, CancellationToken cancellationToken)
    {
        await using var report = await settings.OpenReportAsync(console, cancellationToken);
        if (report is null) return 2;
        ChartNames.TryParse(settings.Name, out var kind);
        var chart = await report.Services.Get<ChartQueries>().LoadAsync(kind, report.Filter, cancellationToken);
        var folder = Path.GetDirectoryName(Path.GetFullPath(settings.Out));
        if (folder is not null) Directory.CreateDirectory(folder);
        ChartRenderer.Save(chart, settings.Out);
        if (settings.Json)
        {
            // The data drawn, as the dashboard's table beside the chart shows it: one object per row, keyed by column name.
            var table = chart.ToTable();
            JsonOutput.Write(console, new
            {
                chart = settings.Name, title = chart.Title, file = Path.GetFullPath(settings.Out), empty = chart.IsEmpty,
                columns = table.Columns.Select(c => c.Name),
                rows = table.Rows.Select(r => table.Columns.Select((c, i) => (c.Name, Value: r[i])).ToDictionary(p => p.Name, p => p.Value)),
            });
            return 0;
        }
        console.MarkupLineInterpolated($"{chart.Title}: {(chart.IsEmpty ? chart.EmptyMessage : $"{chart.ToTable().Rows.Count} rows")} → {settings.Out}");
        return 0;
    }
}
