using Appeals.Analytics.Charts;
using Appeals.Analytics.Exports;
using Appeals.Analytics.Kpis;
using Appeals.Core.Persistence;
using Markdig;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Dashboard;

/// <summary>What the dashboard page shows for one filter.</summary>
public sealed record DashboardPage(
    DashboardFilterForm Form, KpiSummary Kpis, IReadOnlyList<DashboardChart> Charts,
    IReadOnlyList<(long Id, string Name)> Payers, IReadOnlyList<string> Categories);

public sealed record DashboardChart(string Name, ChartData Data, ChartTable Table);

/// <summary>
/// The manager dashboard: KPIs and the root-cause charts, each with its data table and CSV/XLSX
/// downloads, all under the same filter. Every figure is aggregated in the database.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Appeals.Web.Identity.AppealsPolicies.ViewDashboard)]
[Route("Dashboard")]
public sealed class DashboardController(AppealsDbContext db, KpiQueries kpis, ChartQueries charts) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] DashboardFilterForm form, CancellationToken ct = default)
    {
        var filter = form.ToFilter();
        var summary = await kpis.SummaryAsync(filter, ct);
        var loaded = new List<DashboardChart>();
        foreach (var kind in Enum.GetValues<ChartKind>())
        {
            var data = await charts.LoadAsync(kind, filter, ct);
            loaded.Add(new DashboardChart(ChartNames.Of(kind), data, data.ToTable()));
        }
        var payers = await db.Payers.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        // From the rollup (a few thousand rows), not a distinct over every case (ADR 0052).
        var categories = await db.DenialDayRollups.Select(r => r.Category).Distinct().OrderBy(c => c).ToListAsync(ct);
        return View(new DashboardPage(form, summary, loaded, [.. payers.Select(p => (p.Id, p.Name))], categories));
    }

    /// <summary>What each figure counts and where its definition comes from: docs/kpis.md, shipped inside the app.</summary>
    [HttpGet("Definitions")]
    public IActionResult Definitions() => View(nameof(Definitions), (object)KpiDefinitions.Html.Value);

    /// <summary>/Dashboard/Chart/pareto.png or .svg, with the page's filter in the query string.</summary>
    [HttpGet("Chart/{name}.{format}")]
    public async Task<IActionResult> Chart(string name, string format, [FromQuery] DashboardFilterForm form, CancellationToken ct = default)
    {
        if (!ChartNames.TryParse(name, out var kind)) return NotFound();
        var data = await charts.LoadAsync(kind, form.ToFilter(), ct);
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
        var table = (await charts.LoadAsync(kind, form.ToFilter(), ct)).ToTable();
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
