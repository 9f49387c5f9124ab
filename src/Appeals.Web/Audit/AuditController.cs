using System.Globalization;
using System.Text;
using Appeals.Analytics.Exports;
using Appeals.Core.Audit;
using Appeals.Core.Exports;
using Appeals.Core.Persistence;
using Appeals.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Audit;

/// <summary>What the audit page shows.</summary>
public sealed record AuditPage(AuditVerification Chain, DateTimeOffset ChainCheckedAt, IReadOnlyList<AuditEntry> Entries, IReadOnlyList<(long Id, string Name)> Payers,
    string? UserFilter, string? ActionFilter);

/// <summary>For auditors: the hash chain's status, the access log, and appeal timeline exports.</summary>
[Authorize(Policy = AppealsPolicies.Audit)]
[Route("Audit")]
public sealed class AuditController(AppealsDbContext db, AuditLog audit, AppealTimeline timeline, AuditChainStatus chainStatus) : Controller
{
    /// <remarks>
    /// Both filters bind from the query string only: a parameter named <c>action</c> would otherwise take the
    /// route's action name ("Index") and filter every row away.
    /// </remarks>
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "user")] string? user, [FromQuery(Name = "action")] string? actionFilter, CancellationToken ct)
    {
        var (chain, checkedAt) = await chainStatus.GetAsync(db, fresh: false, ct);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(user)) entries = entries.Where(e => e.UserName == user);
        if (!string.IsNullOrEmpty(actionFilter)) entries = entries.Where(e => e.Action == actionFilter);
        var latest = await entries.OrderByDescending(e => e.Id).Take(200).ToListAsync(ct);
        return View(new AuditPage(chain, checkedAt, latest, await Formatting.PayerChoices.ListAsync(db, ct), user, actionFilter));
    }

    /// <summary>Walks the whole chain now rather than showing the last walk.</summary>
    [HttpPost("Verify")]
    public async Task<IActionResult> Verify(CancellationToken ct)
    {
        await chainStatus.GetAsync(db, fresh: true, ct);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>
    /// The appeal timelines of the matching cases as XLSX or CSV; the export itself is logged with its reason. A POST, so the
    /// reason and filters travel in the body (not in URLs that proxies and browser history keep) and no link can start an export.
    /// </summary>
    [HttpPost("Export")]
    public async Task<IActionResult> Export([FromForm] TimelineFilter filter, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(filter.Reason))
        {
            TempData["Problem"] = "Say why you need the export: it is written to the audit log.";
            return RedirectToAction(nameof(Index));
        }
        var cases = await timeline.CountCasesAsync(filter, ct);
        await audit.AppendAsync(User.Identity!.Name!, AuditActions.Export, "AppealTimeline", "", filter.Reason.Trim(),
            $"{filter.Format}; from {filter.From:yyyy-MM-dd} to {filter.To:yyyy-MM-dd}; payer {filter.Payer}; status {filter.Status}; {cases} cases", ct);
        var name = $"appeal-timeline-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        if (filter.Format == "csv")
        {
            // Written to the response as the rows come from the database: nothing holds the whole export.
            Response.ContentType = "text/csv; charset=utf-8";
            Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileNameStar = name + ".csv" }.ToString();
            await using var text = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
            await using (var csv = new SpreadsheetSafeCsvWriter(text))
            {
                foreach (var h in AppealTimeline.Header) csv.WriteField(h);
                await csv.NextRecordAsync();
                await foreach (var row in timeline.RowsAsync(filter, ct))
                {
                    foreach (var value in row) csv.WriteField(value);
                    await csv.NextRecordAsync();
                }
            }
            return new EmptyResult();
        }
        // A workbook is a zip whose directory comes last: built in a temporary file (not memory) from the streamed rows, then sent.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await XlsxSheet.WriteAsync(file, "Appeal timeline", AppealTimeline.Columns, timeline.RowsAsync(filter, ct), ct);
        file.Position = 0;
        return File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
    }
}
