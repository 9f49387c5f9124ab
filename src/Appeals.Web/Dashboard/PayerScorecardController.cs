using Appeals.Analytics.Exports;
using Appeals.Analytics.Scorecards;
using Appeals.Core.Persistence;
using Microsoft.AspNetCore.Mvc;

namespace Appeals.Web.Dashboard;

/// <summary>The payer scorecard page for managers (issue 16), with its table as CSV and XLSX under the dashboard's filter.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Appeals.Web.Identity.AppealsPolicies.ViewDashboard)]
[Route("Dashboard/Payers")]
public sealed class PayerScorecardController(AppealsDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] DashboardFilterForm form, CancellationToken ct = default)
    {
        var rows = await new PayerScorecardQueries(db).ForAsync(new Appeals.Analytics.AnalyticsFilter(form.From, form.To), ct);
        return View("~/Views/Dashboard/Payers.cshtml", (form, PayerScorecardTable.Of(rows)));
    }

    /// <summary>/Dashboard/Payers/Data.csv or .xlsx.</summary>
    [HttpGet("Data.{format}")]
    public async Task<IActionResult> Data(string format, [FromQuery] DashboardFilterForm form, CancellationToken ct = default)
    {
        var table = PayerScorecardTable.Of(await new PayerScorecardQueries(db).ForAsync(new Appeals.Analytics.AnalyticsFilter(form.From, form.To), ct));
        return format switch
        {
            "csv" => File(ChartTableCsv.ToBytes(table), "text/csv", "payer-scorecard.csv"),
            "xlsx" => File(ChartTableXlsx.ToBytes(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "payer-scorecard.xlsx"),
            _ => NotFound(),
        };
    }
}
