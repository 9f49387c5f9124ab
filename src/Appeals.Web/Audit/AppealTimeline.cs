using System.Globalization;
using System.Runtime.CompilerServices;
using Appeals.Analytics.Charts;
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
    /// <summary>The columns of a row; the workbook shows Denied and Recovered as dollars.</summary>
    public static readonly TableColumn[] Columns =
    [
        new("Case", ColumnFormat.Text), new("Payer", ColumnFormat.Text), new("Patient control #", ColumnFormat.Text),
        new("Payer claim #", ColumnFormat.Text), new("Category", ColumnFormat.Text), new("Denied", ColumnFormat.Money),
        new("Recovered", ColumnFormat.Money), new("Status now", ColumnFormat.Text), new("When (UTC)", ColumnFormat.Text),
        new("Event", ColumnFormat.Text), new("By", ColumnFormat.Text), new("Details", ColumnFormat.Text),
    ];

    public static readonly string[] Header = [.. Columns.Select(c => c.Name)];

    /// <summary>Cases read per round trip: each batch's audit rows, notes and moves are read by its case ids (indexed), never the whole log.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>How many cases the filter matches (for the export's audit row, written before the rows are).</summary>
    public Task<int> CountCasesAsync(TimelineFilter f, CancellationToken ct) => Filtered(f).CountAsync(ct);

    /// <summary>
    /// The rows, case by case in id order, read from the database a batch of cases at a time and handed on as they come, so an
    /// export of every case holds one batch in memory, not the whole log.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(TimelineFilter f, [EnumeratorCancellation] CancellationToken ct)
    {
        var cases = Filtered(f);
        for (long after = 0; ;)
        {
            var batch = await cases.Where(c => c.Id > after).OrderBy(c => c.Id).Take(BatchSize)
                .Select(c => new { c.Id, Payer = c.Payer!.Name, c.PatientControlNumber, c.PayerClaimControlNumber, c.Category, c.DeniedAmount, c.RecoveredAmount, c.Status, c.DenialDate })
                .ToListAsync(ct);
            if (batch.Count == 0) yield break;
            after = batch[^1].Id;
            var ids = batch.Select(c => c.Id).ToList();
            var keys = ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
            // Workflow moves come from the transitions below, which hold every move; the audit log has only the web's. A note's
            // audit row says only that one was added; the note itself carries the text.
            var events = (await db.AuditEntries.AsNoTracking()
                    .Where(e => e.EntityType == nameof(DenialCase) && keys.Contains(e.EntityId) && e.Action != AuditActions.WorkflowMove && e.Action != AuditActions.NoteAdd)
                    .OrderBy(e => e.Id).ToListAsync(ct))
                .ToLookup(e => e.EntityId);
            var notes = (await db.CaseNotes.AsNoTracking().Where(n => ids.Contains(n.DenialCaseId)).OrderBy(n => n.Id).ToListAsync(ct)).ToLookup(n => n.DenialCaseId);
            var moves = (await db.WorkflowTransitions.AsNoTracking().Where(t => ids.Contains(t.DenialCaseId)).OrderBy(t => t.Id).ToListAsync(ct)).ToLookup(t => t.DenialCaseId);

            foreach (var c in batch)
            {
                object?[] Row(string when, string what, string by, string details) =>
                    [c.Id, c.Payer, c.PatientControlNumber, c.PayerClaimControlNumber, c.Category, c.DeniedAmount, c.RecoveredAmount, c.Status.Code, when, what, by, details];
                yield return Row(c.DenialDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "denied", "payer", "");
                var audited = events[c.Id.ToString(CultureInfo.InvariantCulture)]
                    .Select(e => (e.At, What: e.Action.Replace('_', ' '), By: e.UserName, Details: WithReason(e.Details, e.Reason)));
                var moved = moves[c.Id].Select(t => (At: t.OccurredAt, What: "workflow move", By: t.Actor, Details: WithReason(Move(t), t.Reason)));
                var noted = notes[c.Id].Select(n => (At: n.CreatedAt, What: "note", By: n.CreatedBy, Details: n.Text));
                // OrderBy is stable: at the same instant the audited action comes before the move it logged.
                foreach (var e in audited.Concat(moved).Concat(noted).OrderBy(e => e.At))
                    yield return Row(e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.What, e.By, e.Details);
            }
        }
    }

    private IQueryable<DenialCase> Filtered(TimelineFilter f)
    {
        var cases = db.DenialCases.AsNoTracking();
        if (f.From is { } from) cases = cases.Where(c => c.DenialDate >= from);
        if (f.To is { } to) cases = cases.Where(c => c.DenialDate <= to);
        if (f.Payer is { } payer) cases = cases.Where(c => c.PayerId == payer);
        if (!string.IsNullOrEmpty(f.Status))
        {
            // An unknown status matches no case, as when statuses were compared as text.
            cases = DenialCaseStatus.TryFromCode(f.Status, out var status) ? cases.Where(c => c.Status == status) : cases.Where(c => false);
        }
        return cases;
    }

    private static string Move(WorkflowTransition t) =>
        $"{t.Trigger}: {(t.FromState.Length > 0 ? t.FromState : "(none)")} → {t.ToState} ({t.Route} v{t.WorkflowVersion}, level {t.AppealLevel})";

    private static string WithReason(string details, string reason) =>
        string.Join(" ", new[] { details, reason.Length > 0 ? $"(reason: {reason})" : "" }.Where(s => s.Length > 0));
}
