using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Web.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Cases;

/// <summary>One row of the denial case list.</summary>
public sealed record CaseRow(long Id, string Payer, string PatientControlNumber, string Category, string Reason,
    decimal DeniedAmount, decimal RecoveredAmount, DenialCaseStatus Status, DateOnly DenialDate);

/// <summary>Denial cases, largest denied amount first, and one case with its claim, lines and adjustments.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Appeals.Web.Identity.AppealsPolicies.WorkCases)]
public sealed class CasesController(AppealsDbContext db, CarcCatalog carcs, Core.Audit.AuditLog audit, Workflows.Routing.CaseWorkflow workflow,
    Workflows.Letters.CaseLetters letters, TimeProvider clock) : Controller
{
    [HttpGet("/Cases")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default)
    {
        var total = await db.DenialCases.CountAsync(ct);
        var number = Page<CaseRow>.Clamp(page, total);
        var rows = await db.DenialCases.AsNoTracking()
            .OrderByDescending(c => MoneyInSql.Cents(c.DeniedAmount)).ThenBy(c => c.Id)
            .Skip((number - 1) * Page<CaseRow>.DefaultSize).Take(Page<CaseRow>.DefaultSize)
            .Select(c => new CaseRow(c.Id, c.Payer!.Name, c.PatientControlNumber, c.Category, c.PrimaryReason,
                c.DeniedAmount, c.RecoveredAmount, c.Status, c.DenialDate))
            .ToListAsync(ct);
        return View(new Page<CaseRow>(rows, number, Page<CaseRow>.DefaultSize, total));
    }

    [HttpGet("/Cases/{id:long}")]
    public Task<IActionResult> Details(long id, CancellationToken ct = default) => ShowAsync(id, revealReason: null, ct);

    /// <summary>Shows the case with its member id unmasked, once, and logs who asked and why.</summary>
    [HttpPost("/Cases/{id:long}/RevealMemberId")]
    public Task<IActionResult> RevealMemberId(long id, string reason, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(reason) ? Task.FromResult<IActionResult>(BadRequest("A reason is required.")) : ShowAsync(id, reason.Trim(), ct);

    private async Task<IActionResult> ShowAsync(long id, string? revealReason, CancellationToken ct)
    {
        // One connection for the page's queries: EF otherwise opens and closes around each, and on SQLite every open
        // registers EF's functions on the handle again. Closed with the request's context.
        await db.Database.OpenConnectionAsync(ct);
        var denial = await CaseWithClaimAsync(id, ct);
        if (denial is null) return NotFound();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (revealReason is null) await audit.AppendAsync(User.Identity!.Name!, Core.Audit.AuditActions.CaseView, nameof(DenialCase), key, ct: ct);
        else await audit.AppendAsync(User.Identity!.Name!, Core.Audit.AuditActions.MemberIdReveal, nameof(DenialCase), key, revealReason, ct: ct);
        var actor = new Workflows.Routing.WorkflowActor(User.Identity!.Name!, User.IsInRole(Identity.AppealsRoles.Manager));
        return View("Details", new CaseDetails(denial, carcs)
        {
            MemberIdRevealed = revealReason is not null,
            Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            LetterNeeds = await letters.NeedsAsync(denial, denial.Payer?.PayerType ?? "", ct),
            LetterDraft = LetterDraft.Read(TempData),
            AllowedMoves = await workflow.PermittedTriggersAsync(denial, actor, ct),
            Letters = await db.AppealLetters.AsNoTracking().Where(l => l.DenialCaseId == id).OrderByDescending(l => l.VersionNumber)
                .Select(l => new LetterRow(l.Id, l.VersionNumber, l.Kind, l.CreatedBy, l.CreatedAt, l.SignedOffBy, l.Sha256)).ToListAsync(ct),
            LaterCaseIds = await db.DenialCases.AsNoTracking().Where(o => o.EarlierCaseId == id).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct),
            Transitions = await db.WorkflowTransitions.AsNoTracking().Where(t => t.DenialCaseId == id).OrderBy(t => t.Id).ToListAsync(ct),
            Events = await OtherAuditRowsAsync(key, ct),
            Views = await ViewsAsync(key, ct),
            Notes = await db.CaseNotes.AsNoTracking().Where(n => n.DenialCaseId == id).OrderBy(n => n.Id).ToListAsync(ct),
            Attachments = await db.CaseAttachments.AsNoTracking().Where(a => a.DenialCaseId == id).OrderBy(a => a.Id).ToListAsync(ct),
            Money = await CaseMoney.LoadAsync(db, denial, ct),
        });
    }

    /// <summary>
    /// The case with its payer, claim and remittance (one row: every navigation is to-one), then the claim's lines,
    /// adjustments and remark codes, each read by the claim's id alone. The split query this replaces sent as many
    /// statements, but each of its three collection statements joined the case, payer, claim and remittance again to order
    /// its rows by their keys: on PostgreSQL, planning those four-table joins cost several times their execution (ADR 0138).
    /// </summary>
    private async Task<DenialCase?> CaseWithClaimAsync(long id, CancellationToken ct)
    {
        var denial = await db.DenialCases.AsNoTracking()
            .Include(c => c.Payer)
            .Include(c => c.ClaimPayment!).ThenInclude(p => p.Remittance)
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (denial?.ClaimPayment is not { } claim) return denial;
        var claimId = claim.Id;
        claim.ServiceLines = await db.ServiceLines.AsNoTracking().Where(l => l.ClaimPaymentId == claimId).OrderBy(l => l.Id).ToListAsync(ct);
        claim.Adjustments = await db.Adjustments.AsNoTracking().Where(a => a.ClaimPaymentId == claimId).OrderBy(a => a.Id).ToListAsync(ct);
        claim.RemarkCodes = await db.RemarkCodes.AsNoTracking().Where(r => r.ClaimPaymentId == claimId).OrderBy(r => r.Id).ToListAsync(ct);
        // The inverse links an Include sets, so that the graph is the one the split query gave.
        foreach (var line in claim.ServiceLines) line.ClaimPayment = claim;
        foreach (var adjustment in claim.Adjustments) adjustment.ClaimPayment = claim;
        foreach (var remark in claim.RemarkCodes) remark.ClaimPayment = claim;
        return denial;
    }

    /// <summary>Up to this many views are counted on the case page; the audit log keeps every one (<see cref="CaseDetails.Views"/>).</summary>
    public const int ViewsCountedUpTo = 1000;

    /// <summary>
    /// The case's audit rows other than views, in order. "Not a view" is asked as "before or after case_view" so that the database
    /// seeks the (EntityType, EntityId, Action) index on both sides of the views: with <c>&lt;&gt;</c> it read every view's index
    /// entry, and a case viewed 20,000 times (a load test, a busy week) spent milliseconds per view skipping them.
    /// </summary>
    private Task<List<Core.Audit.AuditEntry>> OtherAuditRowsAsync(string key, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(DenialCase) && e.EntityId == key
                && (string.Compare(e.Action, Core.Audit.AuditActions.CaseView) < 0 || string.Compare(e.Action, Core.Audit.AuditActions.CaseView) > 0))
            .OrderBy(e => e.Id).ToListAsync(ct);

    /// <summary>
    /// How many times the case was viewed, counted up to <see cref="ViewsCountedUpTo"/>: the count walks one index entry per view,
    /// so without a bound each view of a much-viewed case cost more than the one before.
    /// </summary>
    private Task<int> ViewsAsync(string key, CancellationToken ct) =>
        db.AuditEntries.Where(e => e.EntityType == nameof(DenialCase) && e.EntityId == key && e.Action == Core.Audit.AuditActions.CaseView)
            .OrderBy(e => e.Id).Take(ViewsCountedUpTo).CountAsync(ct);
}

/// <summary>One letter version, without its bytes.</summary>
public sealed record LetterRow(long Id, int Version, string Kind, string CreatedBy, DateTimeOffset CreatedAt, string? SignedOffBy, string Sha256);

/// <summary>One row of the case timeline.</summary>
public sealed record TimelineEvent(DateTimeOffset At, string What, string Who, string Details, bool IsNote = false);

/// <summary>What the case page shows: the case, its claim, and each adjustment explained by the CARC map.</summary>
public sealed class CaseDetails(DenialCase denial, CarcCatalog carcs)
{
    public DenialCase Case { get; } = denial;
    public bool MemberIdRevealed { get; init; }
    public DateOnly Today { get; init; }
    /// <summary>The letter the case gets and the fields its template needs from the specialist; null when its route sends no letter.</summary>
    public Workflows.Letters.LetterNeeds? LetterNeeds { get; init; }
    /// <summary>What the specialist typed into a letter that could not be generated, shown again.</summary>
    public IReadOnlyDictionary<string, string> LetterDraft { get; init; } = new Dictionary<string, string>();

    /// <summary>Why the case ranks where it does in the queue: the same words as the queue and `appeals cases list`.</summary>
    public string PriorityExplanation => ML.Scoring.PriorityRule.Explain(Case.Priority, Case.ExpectedRecovery, Case.RecoveryProbability,
        Case.DeniedAmount, Case.AppealDeadline, Today, Case.Status, Case.DeadlineBasis);
    /// <summary>Workflow triggers this user may fire now (guards evaluated).</summary>
    public IReadOnlyList<string> AllowedMoves { get; init; } = [];
    public IReadOnlyList<LetterRow> Letters { get; init; } = [];
    /// <summary>Cases the payer opened by denying this claim again on later ERAs (re-denials).</summary>
    public IReadOnlyList<long> LaterCaseIds { get; init; } = [];
    public IReadOnlyList<Core.Workflow.WorkflowTransition> Transitions { get; init; } = [];
    /// <summary>The audit log's rows for this case other than views: claims, moves, letters, downloads, reveals.</summary>
    public IReadOnlyList<Core.Audit.AuditEntry> Events { get; init; } = [];
    /// <summary>How many times the case page was viewed (each view is an audit row), this view included, counted up to
    /// <see cref="CasesController.ViewsCountedUpTo"/>.</summary>
    public int Views { get; init; }

    /// <summary>"Viewed 12 time(s)", or "Viewed 1,000 or more times" once the count reaches its bound.</summary>
    public string ViewsSentence => Views >= CasesController.ViewsCountedUpTo
        ? $"Viewed {CasesController.ViewsCountedUpTo.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} or more times"
        : $"Viewed {Views.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} time(s)";
    /// <summary>Notes on the case, oldest first (append-only).</summary>
    public IReadOnlyList<Core.Cases.CaseNote> Notes { get; init; } = [];
    public IReadOnlyList<Core.Cases.CaseAttachment> Attachments { get; init; } = [];
    /// <summary>The claim's variance against the contract and its take-backs (issue 16).</summary>
    public CaseMoney Money { get; init; } = new([], null, []);

    /// <summary>
    /// Everything that happened to the case after the denial, in time order: audited actions (not
    /// views, which are counted; not note additions, which show as the note itself), notes with their
    /// text, and moves the system made on its own (outcomes of later ERAs).
    /// </summary>
    public IEnumerable<TimelineEvent> Timeline =>
        Events.Where(e => e.Action is not (Core.Audit.AuditActions.CaseView or Core.Audit.AuditActions.NoteAdd))
            .Select(e => new TimelineEvent(e.At, Formatting.Display.Words(e.Action), e.UserName, e.Details + (e.Reason.Length > 0 ? $" ({e.Reason})" : "")))
            .Concat(Notes.Select(n => new TimelineEvent(n.CreatedAt, "note", n.CreatedBy, n.Text, IsNote: true)))
            .Concat(Transitions.Where(t => t.Actor.StartsWith("system:", StringComparison.Ordinal)).Select(t => new TimelineEvent(t.OccurredAt, "workflow move", t.Actor,
                $"{t.Trigger}: {Formatting.Display.Words(t.FromState)} → {Formatting.Display.Words(t.ToState)} {t.Reason}")))
            .Concat(Money.TakeBacks.Select(t => new TimelineEvent(new DateTimeOffset(t.TakenOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), "taken back", "payer",
                $"PLB {t.ReasonCode} {Core.Formatting.MoneyFormat.Money(t.Amount)} on remittance {t.RemittanceId}")))
            .OrderBy(e => e.At);

    /// <summary>The last four characters only: enough to match a card, not enough to use it.</summary>
    public static string Mask(string memberId) =>
        memberId.Length <= 4 ? new string('•', memberId.Length) : new string('•', memberId.Length - 4) + memberId[^4..];
    public Core.Remittances.ClaimPayment Claim => Case.ClaimPayment!;

    public IEnumerable<Core.Remittances.Adjustment> ClaimLevelAdjustments =>
        Claim.Adjustments.Where(a => a.ServiceLineId is null);

    public IEnumerable<Core.Remittances.Adjustment> AdjustmentsOf(Core.Remittances.ServiceLine line) =>
        Claim.Adjustments.Where(a => a.ServiceLineId == line.Id);

    /// <summary>The map's category for any code (contractual and patient-responsibility codes included), and its typical action.</summary>
    public (string Category, string Action) Explain(Core.Remittances.Adjustment adjustment) =>
        carcs.TryGet(adjustment.Carc, out var info) ? (info.Category, info.TypicalAction) : (CarcCatalog.UnknownCategory, "");
}
