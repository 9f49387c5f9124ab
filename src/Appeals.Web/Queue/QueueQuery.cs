using System.Globalization;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Queue;

/// <summary>The queue's filters, bound from the query string.</summary>
public sealed class QueueFilter
{
    public long? Payer { get; set; }
    public string? Category { get; set; }
    /// <summary>Only cases whose appeal deadline is within this many days (0 to 3650: ten years covers every payer's window).</summary>
    [System.ComponentModel.DataAnnotations.Range(0, MaxDueWithinDays, ErrorMessage = "Deadline within (days) must be a whole number from 0 to 3650.")]
    public int? DueWithinDays { get; set; }
    public const int MaxDueWithinDays = 3650;
    [System.ComponentModel.DataAnnotations.Range(typeof(decimal), "0", "1000000000", ErrorMessage = "Denied at least ($) must be an amount from 0 to 1,000,000,000.")]
    public decimal? MinDenied { get; set; }
    /// <summary>"me", "unassigned", or a user name; empty for everyone.</summary>
    public string? Assignee { get; set; }
    /// <summary>A status; empty means every open status.</summary>
    public string? Status { get; set; }
    /// <summary>Leaves out a number filter the page refused (out of range), so the rest of the filters still apply.</summary>
    public void DropOutOfRange()
    {
        if (DueWithinDays is < 0 or > MaxDueWithinDays) DueWithinDays = null;
        if (MinDenied is < 0 or > 1_000_000_000m) MinDenied = null;
    }

    /// <summary>The keyset cursor going forward: the priority and id of the last row of the page before.</summary>
    public string? After { get; set; }
    /// <summary>The keyset cursor going back: the priority and id of the first row of the page after.</summary>
    public string? Before { get; set; }
}

/// <summary>One page of the queue and whether there are pages on either side of it.</summary>
public sealed record QueueSlice(IReadOnlyList<QueueRow> Rows, bool HasPrevious, bool HasNext);

/// <summary>One queue row.</summary>
public sealed record QueueRow(long Id, string Payer, string Category, string Reason, decimal DeniedAmount, double? Probability,
    decimal? ExpectedRecovery, decimal Priority, DateOnly? Deadline, DenialCaseStatus Status, string AssignedTo, string ScoreSource, Guid Version,
    string DeadlineBasis)
{
    /// <summary>Why the case ranks here, in the words of the case page and `appeals cases list`.</summary>
    public string Why(DateOnly today) =>
        Appeals.ML.Scoring.PriorityRule.Explain(Priority, ExpectedRecovery, Probability, DeniedAmount, Deadline, today, Status, DeadlineBasis);

    /// <summary>True while a filing deadline applies (open or in progress); once appealed the payer is deciding.</summary>
    public bool AwaitsFiling => Status is DenialCaseStatus.Open or DenialCaseStatus.InProgress;

    public string SuggestedAction { get; init; } = "";

    /// <summary>Days left to the appeal deadline (negative once passed), or null when unknown.</summary>
    public int? DaysLeft(DateOnly today) => Deadline is { } d ? d.DayNumber - today.DayNumber : null;

    public string Cursor => string.Create(CultureInfo.InvariantCulture, $"{Priority}_{Id}");
}

/// <summary>
/// Open cases by priority, highest first, paged by keyset (priority, id) rather than OFFSET so that
/// page 400 costs what page 1 costs and a case claimed meanwhile never shifts a row onto two pages.
/// Going back reads the same index the other way from the first row shown (Before) and reverses the page.
/// </summary>
public sealed class QueueQuery(AppealsDbContext db, CarcCatalog carcs, TimeProvider clock)
{
    public const int PageSize = 25;

    public Task<QueueSlice> PageAsync(QueueFilter f, string userName, CancellationToken ct) => PageAsync(f, userName, null, ct);

    /// <param name="payerNames">Every payer's name by id when the caller has them already (the queue page lists them for its
    /// filter): the rows' names come from there instead of a query of their own.</param>
    public async Task<QueueSlice> PageAsync(QueueFilter f, string userName, IReadOnlyDictionary<long, string>? payerNames, CancellationToken ct)
    {
        if (TryParseCursor(f.Before, out var beforePriority, out var beforeId))
        {
            // One row more than a page tells whether another page lies before this one.
            var back = await FilteredAsync(f, userName, q => q.Where(c => c.Priority > beforePriority || (c.Priority == beforePriority && c.Id < beforeId))
                .OrderBy(c => c.Priority).ThenByDescending(c => c.Id), payerNames, ct);
            // Back at the top: show the first page as it is now, full, rather than what is left above the cursor.
            if (back.Count <= PageSize) return await PageAsync(new QueueFilter
            {
                Payer = f.Payer, Category = f.Category, DueWithinDays = f.DueWithinDays,
                MinDenied = f.MinDenied, Assignee = f.Assignee, Status = f.Status
            }, userName, payerNames, ct);
            return new(back.Take(PageSize).Reverse().ToList(), HasPrevious: true, HasNext: true);
        }
        var hasAfter = TryParseCursor(f.After, out var afterPriority, out var afterId);
        var rows = await FilteredAsync(f, userName, q => (hasAfter ? q.Where(c => c.Priority < afterPriority || (c.Priority == afterPriority && c.Id > afterId)) : q)
            .OrderByDescending(c => c.Priority).ThenBy(c => c.Id), payerNames, ct);
        return new(rows.Take(PageSize).ToList(), HasPrevious: hasAfter, HasNext: rows.Count > PageSize);
    }

    /// <summary>The filtered rows in the order <paramref name="page"/> gives, one more than a page.</summary>
    private async Task<List<QueueRow>> FilteredAsync(QueueFilter f, string userName, Func<IQueryable<DenialCase>, IQueryable<DenialCase>> page,
        IReadOnlyDictionary<long, string>? payerNames, CancellationToken ct)
    {
        // EF sends LIMIT as a parameter, so SQLite cannot tell the page is small and may pick the status
        // index and sort every open case; walking the queue index stops after one page.
        var q = (db.Database.IsSqlite()
            ? db.DenialCases.FromSqlRaw("SELECT * FROM \"DenialCases\" INDEXED BY \"IX_DenialCases_Queue\"")
            : db.DenialCases).AsNoTracking();
        q = string.IsNullOrEmpty(f.Status)
            ? q.Where(c => c.Status == DenialCaseStatus.Open || c.Status == DenialCaseStatus.InProgress || c.Status == DenialCaseStatus.Appealed)
            : DenialCaseStatus.TryFromCode(f.Status, out var status)
                ? q.Where(c => c.Status == status)
                : q.Where(c => false); // an unknown status matches no case, as when statuses were compared as text
        if (f.Payer is { } payer) q = q.Where(c => c.PayerId == payer);
        if (!string.IsNullOrEmpty(f.Category)) q = q.Where(c => c.Category == f.Category);
        if (f.DueWithinDays is { } days)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var until = today.AddDays(days);
            q = q.Where(c => c.AppealDeadline != null && c.AppealDeadline >= today && c.AppealDeadline <= until);
        }
        if (f.MinDenied is { } min)
        {
            var atLeast = MoneyInSql.CentsAtLeast(min);
            q = q.Where(c => MoneyInSql.Cents(c.DeniedAmount) >= atLeast);
        }
        q = f.Assignee switch
        {
            null or "" => q,
            "me" => q.Where(c => c.AssignedTo == userName),
            "unassigned" => q.Where(c => c.AssignedTo == ""),
            var name => q.Where(c => c.AssignedTo == name),
        };

        // No join to Payers here: with one, SQLite may start from the small payer table and sort every
        // case; alone, it walks the queue index and stops after one page. Payer names are looked up after.
        var rows = await page(q).Take(PageSize + 1)
            .Select(c => new QueueRow(c.Id, c.PayerId.ToString(), c.Category, c.PrimaryReason, c.DeniedAmount, c.RecoveryProbability,
                c.ExpectedRecovery, c.Priority, c.AppealDeadline, c.Status, c.AssignedTo, c.ScoreSource, c.Version, c.DeadlineBasis))
            .ToListAsync(ct);
        var payerIds = rows.Select(r => long.Parse(r.Payer, CultureInfo.InvariantCulture)).Distinct().ToList();
        // A payer added since the caller read its list (an import meanwhile) is looked up like any other.
        var names = payerNames is not null && payerIds.All(payerNames.ContainsKey)
            ? payerIds.ToDictionary(id => id.ToString(CultureInfo.InvariantCulture), id => payerNames[id])
            : await db.Payers.AsNoTracking().Where(p => payerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id.ToString(CultureInfo.InvariantCulture), p => p.Name, ct);
        return rows.Select(r => r with { Payer = names.GetValueOrDefault(r.Payer, r.Payer), SuggestedAction = SuggestedAction(r.Reason) }).ToList();
    }

    /// <summary>The CARC map's typical action for a reason like "CO-197".</summary>
    public string SuggestedAction(string reason)
    {
        var dash = reason.IndexOf('-');
        var carc = dash >= 0 ? reason[(dash + 1)..] : reason;
        return carcs.TryGet(carc, out var info) ? info.TypicalAction : "";
    }

    private static bool TryParseCursor(string? cursor, out decimal priority, out long id)
    {
        priority = 0; id = 0;
        var parts = cursor?.Split('_');
        return parts is [var p, var i]
               && decimal.TryParse(p, NumberStyles.Number, CultureInfo.InvariantCulture, out priority)
               && long.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }
}
