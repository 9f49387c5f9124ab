using Appeals.Analytics;
using Appeals.Analytics.Charts;
using Appeals.Analytics.Exports;
using Appeals.Analytics.Scorecards;
using Appeals.Core.Persistence;
using Microsoft.AspNetCore.Mvc;

namespace Appeals.Web.Dashboard;

/// <summary>The payer scorecard's page: its table, and for one payer chosen, the same figures month by month.</summary>
public sealed record PayerScorecardPage(DashboardFilterForm Form, ChartTable Table, ChartTable? Months, IReadOnlyList<(long Id, string Name)> Payers);

/// <summary>
/// The payer scorecard page for managers (issue 16), with its tables as CSV and XLSX under the page's filter (dates, and a
/// payer, who is then also shown month by month).
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Appeals.Web.Identity.AppealsPolicies.ViewDashboard)]
[Route("Dashboard/Payers")]
public sealed class PayerScorecardController(AppealsDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] DashboardFilterForm form, CancellationToken ct = default)
    {
        var (queries, filter) = (new PayerScorecardQueries(db), Filter(form));
        var table = PayerScorecardTable.Of(await queries.ForAsync(filter, ct));
        var months = form.Payer is null ? null : PayerScorecardTable.ByMonth(await queries.ByMonthAsync(filter, ct));
        return View("~/Views/Dashboard/Payers.cshtml", new PayerScorecardPage(form, table, months, await Formatting.PayerChoices.ListAsync(db, ct)));
    }

    /// <summary>/Dashboard/Payers/Data.csv or .xlsx: the scorecard table.</summary>
    [HttpGet("Data.{format}")]
    public async Task<IActionResult> Data(string format, [FromQuery] DashboardFilterForm form, CancellationToken ct = default) =>
        Download(format, PayerScorecardTable.Of(await new PayerScorecardQueries(db).ForAsync(Filter(form), ct)), "payer-scorecard");

    /// <summary>/Dashboard/Payers/Months.csv or .xlsx: the scorecard month by month (every payer when none is chosen).</summary>
    [HttpGet("Months.{format}")]
    public async Task<IActionResult> Months(string format, [FromQuery] DashboardFilterForm form, CancellationToken ct = default) =>
        Download(format, PayerScorecardTable.ByMonth(await new PayerScorecardQueries(db).ByMonthAsync(Filter(form), ct)), "payer-scorecard-by-month");

    /// <summary>The scorecard's filter: dates and a payer (the dashboard's provider and category filters do not apply to it).</summary>
    private static AnalyticsFilter Filter(DashboardFilterForm form) => new(form.From, form.To, form.Payer);

    private IActionResult Download(string format, ChartTable table, string name) => format switch
    {
        "csv" => File(ChartTableCsv.ToBytes(table), "text/csv", name + ".csv"),
        "xlsx" => File(ChartTableXlsx.ToBytes(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
        _ => NotFound(),
    };
}
