using Appeals.Analytics.Charts;
using Appeals.Analytics.Exports;
using Appeals.Analytics.Kpis;
using Markdig;
using Microsoft.AspNetCore.Mvc;

namespace Appeals.Web.Dashboard;

/// <summary>What the dashboard page shows for one filter, and when its figures were computed (ADR 0082).</summary>
public sealed record DashboardPage(
    DashboardFilterForm Form, KpiSummary Kpis, IReadOnlyList<DashboardChart> Charts,
    IReadOnlyList<(long Id, string Name)> Payers, IReadOnlyList<string> Categories)
{
    /// <summary>When the figures on the page were computed.</summary>
    public DateTimeOffset ComputedAt { get; init; }
    /// <summary>How old they were when the page was answered.</summary>
    public TimeSpan Age { get; init; }
    /// <summary>How often they are recomputed; zero when every request computes them.</summary>
    public TimeSpan RefreshEvery { get; init; }
}

public sealed record DashboardChart(string Name, ChartData Data, ChartTable Table);

/// <summary>
/// The manager dashboard: KPIs and the root-cause charts, each with its data table and CSV/XLSX
/// downloads, all under the same filter. Every figure is aggregated in the database, once per filter
/// for everyone who looks within the refresh interval (<see cref="DashboardSnapshots"/>, ADR 0082).
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Appeals.Web.Identity.AppealsPolicies.ViewDashboard)]
[Route("Dashboard")]
public sealed class DashboardController(DashboardSnapshots snapshots, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] DashboardFilterForm form, CancellationToken ct = default)
    {
        var data = await snapshots.GetAsync(form.ToFilter(), ct);
        var charts = Enum.GetValues<ChartKind>().Select(kind => new DashboardChart(ChartNames.Of(kind), data.Charts[kind], data.Charts[kind].ToTable())).ToList();
        return View(new DashboardPage(form, data.Kpis, charts, data.Payers, data.Categories)
        {
            ComputedAt = data.ComputedAt,
            Age = clock.GetUtcNow() - data.ComputedAt,
            RefreshEvery = snapshots.RefreshEvery,
        });
    }

    /// <summary>What each figure counts and where its definition comes from: docs/kpis.md, shipped inside the app.</summary>
    [HttpGet("Definitions")]
    public IActionResult Definitions() => View(nameof(Definitions), (object)KpiDefinitions.Html.Value);

    /// <summary>/Dashboard/Chart/pareto.png or .svg, with the page's filter in the query string.</summary>
    [HttpGet("Chart/{name}.{format}")]
    public async Task<IActionResult> Chart(string name, string format, [FromQuery] DashboardFilterForm form, CancellationToken ct = default)
    {
        if (!ChartNames.TryParse(name, out var kind)) return NotFound();
        // The page's own figures: an image never disagrees with the table beside it.
        var data = (await snapshots.GetAsync(form.ToFilter(), ct)).Charts[kind];
        return format switch
        {
            "png" => File(ChartRenderer.Png(data), "image/png"),
            "svg" => Content(ChartRenderer.Svg(data), "image/svg+xml"),
            _ => NotFound(),
        };
    }

    /// <summary>/Dashboard/Data/pareto.csv or .xlsx: the chart's table as a download.</summary>
    [HttpGet("Data/{name}.{format}")]
    public async Task<IActionResult> Data(string name, string format, [FromQuery] DashboardFilterForm form, CancellationToken ct = default)
    {
        if (!ChartNames.TryParse(name, out var kind)) return NotFound();
        var table = (await snapshots.GetAsync(form.ToFilter(), ct)).Charts[kind].ToTable();
        return format switch
        {
            "csv" => File(ChartTableCsv.ToBytes(table), "text/csv", $"{name}.csv"),
            "xlsx" => File(ChartTableXlsx.ToBytes(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx"),
            _ => NotFound(),
        };
    }
}

/// <summary>docs/kpis.md as HTML, rendered once. Raw HTML in the document is not passed through.</summary>
internal static class KpiDefinitions
{
    public static readonly Lazy<string> Html = new(() =>
    {
        using var stream = typeof(KpiDefinitions).Assembly.GetManifestResourceStream("kpis.md")
            ?? throw new InvalidOperationException("kpis.md is not embedded in Appeals.Web.");
        using var reader = new StreamReader(stream);
        var pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();
        return Markdown.ToHtml(reader.ReadToEnd(), pipeline);
    });
}
