using System.Globalization;
using Appeals.Core.Audit;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Audit;

/// <summary>The export's filters: cases denied in a date range, of a payer, in a status.</summary>
public sealed class TimelineFilter
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public long? Payer { get; set; }
    public string? Status { get; set; }
    public string Format { get; set; } = "xlsx";
    /// <summary>Why the export is needed; required, and written to the audit log.</summary>
    public string Reason { get; set; } = "";
}

/// <summary>
/// Every event of the matching cases in time order: the denial itself, then each audited action on
/// the case (claims and assignments, workflow moves, letters, notes with their text, attachment uploads,
/// views and downloads) with who and when.
/// </summary>
public sealed class AppealTimeline(AppealsDbContext db)
{
    public static readonly string[] Header = ["Case", "Payer", "Patient control #", "Payer claim #", "Category", "Denied", "Recovered", "Status now", "When (UTC)", "Event", "By", "Details"];

    public async Task<List<IReadOnlyList<object?>>> RowsAsync(TimelineFilter f, CancellationToken ct)
    {
        var cases = db.DenialCases.AsNoTracking();
        if (f.From is { } from) cases = cases.Where(c => c.DenialDate >= from);
        if (f.To is { } to) cases = cases.Where(c => c.DenialDate <= to);
        if (f.Payer is { } payer) cases = cases.Where(c => c.PayerId == payer);
        if (!string.IsNullOrEmpty(f.Status)) cases = cases.Where(c => c.Status == f.Status);
        var list = await cases.OrderBy(c => c.Id)
            .Select(c => new { c.Id, Payer = c.Payer!.Name, c.PatientControlNumber, c.PayerClaimControlNumber, c.Category, c.DeniedAmount, c.RecoveredAmount, c.Status, c.CreatedAt, c.DenialDate })
            .ToListAsync(ct);
        var ids = list.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        // Audit rows are few per case; read the case-related ones once and group them here.
        var events = (await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(DenialCase)).OrderBy(e => e.Id).ToListAsync(ct))
            .Where(e => ids.Contains(e.EntityId)).ToLookup(e => e.EntityId);
        // Notes carry their text here (the audit row of a note says only that one was added, so it is left out for the note itself).
        var notes = (await db.CaseNotes.AsNoTracking().Where(n => cases.Select(c => c.Id).Contains(n.DenialCaseId)).OrderBy(n => n.Id).ToListAsync(ct))
            .ToLookup(n => n.DenialCaseId);

        var rows = new List<IReadOnlyList<object?>>();
        foreach (var c in list)
        {
            object?[] Row(string when, string what, string by, string details) =>
                [c.Id, c.Payer, c.PatientControlNumber, c.PayerClaimControlNumber, c.Category, c.DeniedAmount, c.RecoveredAmount, c.Status, when, what, by, details];
            rows.Add(Row(c.DenialDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "denied", "payer", ""));
            var happened = events[c.Id.ToString(CultureInfo.InvariantCulture)].Where(e => e.Action != AuditActions.NoteAdd)
                .Select(e => (e.At, What: e.Action.Replace('_', ' '), By: e.UserName,
                    Details: string.Join(" ", new[] { e.Details, e.Reason.Length > 0 ? $"(reason: {e.Reason})" : "" }.Where(s => s.Length > 0))))
                .Concat(notes[c.Id].Select(n => (At: n.CreatedAt, What: "note", By: n.CreatedBy, Details: n.Text)))
                .OrderBy(e => e.At);
            foreach (var e in happened)
                rows.Add(Row(e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.What, e.By, e.Details));
        }
        return rows;
    }
}
