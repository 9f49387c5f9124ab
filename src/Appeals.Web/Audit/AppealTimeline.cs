using System.Globalization;
using Appeals.Core.Audit;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Core.Workflow;
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
/// Every event of the matching cases in time order: the denial itself, every workflow move (manual from
/// the web or the CLI, and automatic: later ERAs, deadline jobs) from the workflow's own record with who
/// or what made it and why (an ERA move names its remittance, file and trace number), and each other
/// audited action on the case (claims and assignments, letters, notes with their text, attachment uploads, views and downloads) with who and when.
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
        // Audit rows are few per case; read the case-related ones once and group them here. Workflow moves
        // come from the transitions below, which hold every move; the audit log has only the web's.
        var events = (await db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == nameof(DenialCase) && e.Action != AuditActions.WorkflowMove).OrderBy(e => e.Id).ToListAsync(ct))
            .Where(e => ids.Contains(e.EntityId)).ToLookup(e => e.EntityId);
        // Notes carry their text here (the audit row of a note says only that one was added, so it is left out for the note itself).
        var notes = (await db.CaseNotes.AsNoTracking().Where(n => cases.Select(c => c.Id).Contains(n.DenialCaseId)).OrderBy(n => n.Id).ToListAsync(ct))
            .ToLookup(n => n.DenialCaseId);
        var moves = (await db.WorkflowTransitions.AsNoTracking()
                .Where(t => cases.Select(c => c.Id).Contains(t.DenialCaseId)).OrderBy(t => t.Id).ToListAsync(ct))
            .ToLookup(t => t.DenialCaseId);

        var rows = new List<IReadOnlyList<object?>>();
        foreach (var c in list)
        {
            object?[] Row(string when, string what, string by, string details) =>
                [c.Id, c.Payer, c.PatientControlNumber, c.PayerClaimControlNumber, c.Category, c.DeniedAmount, c.RecoveredAmount, c.Status, when, what, by, details];
            rows.Add(Row(c.DenialDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "denied", "payer", ""));
            var audited = events[c.Id.ToString(CultureInfo.InvariantCulture)].Where(e => e.Action != AuditActions.NoteAdd)
                .Select(e => (e.At, What: e.Action.Replace('_', ' '), By: e.UserName, Details: WithReason(e.Details, e.Reason)));
            var moved = moves[c.Id].Select(t => (At: t.OccurredAt, What: "workflow move", By: t.Actor, Details: WithReason(Move(t), t.Reason)));
            var noted = notes[c.Id].Select(n => (At: n.CreatedAt, What: "note", By: n.CreatedBy, Details: n.Text));
            // OrderBy is stable: at the same instant the audited action comes before the move it logged.
            foreach (var e in audited.Concat(moved).Concat(noted).OrderBy(e => e.At))
                rows.Add(Row(e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.What, e.By, e.Details));
        }
        return rows;
    }

    private static string Move(WorkflowTransition t) =>
        $"{t.Trigger}: {(t.FromState.Length > 0 ? t.FromState : "(none)")} → {t.ToState} ({t.Route} v{t.WorkflowVersion}, level {t.AppealLevel})";

    private static string WithReason(string details, string reason) =>
        string.Join(" ", new[] { details, reason.Length > 0 ? $"(reason: {reason})" : "" }.Where(s => s.Length > 0));
}
