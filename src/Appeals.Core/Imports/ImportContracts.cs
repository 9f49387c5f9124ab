using Appeals.Core.Persistence;

namespace Appeals.Core.Imports;

/// <summary>How to import.</summary>
/// <param name="DryRun">Read, validate and detect denials, but write nothing.</param>
public sealed record ImportOptions(bool DryRun = false)
{
    /// <summary>Who imports, for the audit entry every import writes: a user name, or <c>cli:</c>/<c>system:</c> and what.</summary>
    public string Actor { get; init; } = "system:import";

    /// <summary>What the audit entry names as the imported thing (the web names its upload job).</summary>
    public string AuditEntityType { get; init; } = "Import";

    /// <summary>The id of <see cref="AuditEntityType"/> (the web's upload job id), empty for a CLI or inbox run.</summary>
    public string AuditEntityId { get; init; } = "";

    /// <summary>
    /// With <see cref="DryRun"/>: never connect to the database (the CLI's `import --dry-run`, ADR 0074), so nothing is
    /// reported as imported before; the files are read, validated and their denials detected.
    /// </summary>
    public bool WithoutDatabase { get; init; }
}

/// <summary>Where an import stands, reported after each transaction and each file.</summary>
public sealed record ImportProgress(string File, long BytesRead, long TotalBytes, int FilesDone, int FilesTotal);

/// <summary>A located error in the import summary (the <c>errors[]</c> of <c>appeals import --json</c>).</summary>
public sealed record ImportError(string File, long Segment, long Offset, string Message);

/// <summary>
/// Completes the denial cases a remittance opens before they are stored, inside its database transaction
/// (the workflow plans each case's appeal deadline and scores it this way), so that they are written once,
/// whole: no case is ever in the queue unplanned or unscored, and no second pass updates them.
/// </summary>
public interface INewCasePreparer
{
    /// <summary>
    /// Reads what the cases need (ids assigned, payer stored) through <paramref name="db"/> and fills in what it can, then
    /// returns the rest as CPU-only work touching nothing but the cases, which the importer runs on another thread while
    /// it writes the remittance's rows (scoring costs about as much as writing; a core would otherwise sit idle). The work
    /// may read the remittance's claims, never change them; it runs for a remittance that opens no case too.
    /// </summary>
    /// <remarks>
    /// Called for every remittance, and for every part of one written in parts (ADR 0090), inside its database transaction.
    /// A post-commit handler given to the importer that is also a preparer is called here as well (ADR 0150).
    /// </remarks>
    Task<Action> PrepareAsync(AppealsDbContext db, Remittances.Remittance remittance, IReadOnlyList<Denials.DenialCase> cases, CancellationToken ct);
}

/// <summary>
/// A preparer whose work opens cases of its own beside the remittance's denial cases (underpayment cases, ADR 0143). With the
/// remittance's last part, after the preparers' work is done and its denial cases are inserted, the importer asks it for
/// them, numbers them after the denial cases and inserts them in the same transaction, before the commit. They keep their
/// old meaning of cases opened after the remittance's outcomes: their ids are in
/// <see cref="ImportedRemittance.OpenedAfterOutcomes"/>, which the outcome handler passes over.
/// </summary>
public interface INewCaseOpener : INewCasePreparer
{
    /// <summary>
    /// The new cases, without ids, in the order they are to be numbered; none for a remittance this opener found nothing in.
    /// Called on the writer's thread inside the remittance's transaction (it may read through <paramref name="db"/>). A
    /// failure of the preparers' work is not thrown here: the opener reports it after the commit, as a failed handler.
    /// </summary>
    Task<IReadOnlyList<Denials.DenialCase>> OpenAsync(AppealsDbContext db, Remittances.Remittance remittance, CancellationToken ct);
}

/// <summary>
/// Runs after each remittance is committed, in the importer's scope, with the context that stored it
/// (the workflow records what later ERAs say about earlier cases this way). A handler
/// does a fixed number of set-based queries per remittance, never one per case, so an import costs the same
/// per claim however large the database is. A handler that fails is logged and reported as a warning; the
/// remittance stays imported.
/// </summary>
public interface IImportedRemittanceHandler
{
    Task HandleAsync(ImportedRemittance imported, CancellationToken ct);
}

/// <summary>A remittance just committed by the importer, as its post-commit handlers see it.</summary>
/// <param name="Db">The importer's context (tracking is cleared after each handler).</param>
/// <param name="Remittance">
/// The stored remittance as it was read (ids assigned): its claims' keys without a query, when <see cref="ClaimsHeld"/>.
/// </param>
/// <param name="Warn">Adds a warning to the import's summary (shown with the file; no PHI in it).</param>
public sealed record ImportedRemittance(AppealsDbContext Db, Remittances.Remittance Remittance, Action<string> Warn)
{
    /// <summary>The stored remittance's id.</summary>
    public long RemittanceId => Remittance.Id;

    /// <summary>
    /// False for a remittance written in parts (ADR 0090): its <see cref="Remittances.Remittance.Claims"/> is empty, the
    /// claims are in the database only, and a handler that needs them reads them from there.
    /// </summary>
    public bool ClaimsHeld { get; init; } = true;

    /// <summary>
    /// Ids of the cases the remittance's <see cref="INewCaseOpener"/>s opened in its transaction (underpayment cases, ADR
    /// 0143): cases that were opened after the remittance's outcomes were recorded, so its outcome handling neither revisits
    /// them nor links other cases to them. Later remittances see them as any stored case.
    /// </summary>
    public IReadOnlySet<long> OpenedAfterOutcomes { get; init; } = EmptySet;

    private static readonly IReadOnlySet<long> EmptySet = new HashSet<long>();
}
