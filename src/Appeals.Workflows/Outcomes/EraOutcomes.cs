using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Core.Persistence.BulkInsert;
using Appeals.Core.Workflow;
using Appeals.Workflows.Deadlines;
using Appeals.Workflows.Routing;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Outcomes;

/// <summary>
/// Closes the loop (DESIGN.md step 8): when a remittance pays or re-denies a claim that has a denial
/// case, the recovered dollars go on the case and the workflow moves (paid → overturned/recovered,
/// partly paid, denied → upheld), which makes the case a training label. A re-denial's new case is
/// linked to the earlier case of the same claim (<see cref="RedenialLinks"/>).
/// </summary>
/// <remarks>
/// The recovered amount is recomputed from every matching later claim payment, never added to: a
/// reversal (negative CLP04) and the corrected claim that follows net out, running twice changes
/// nothing, and the order in which ERAs arrive does not matter. One remittance costs a fixed number of
/// indexed queries whatever the number of its cases or the size of the database, and only the cases
/// that change are loaded for change (ADR 0075).
/// </remarks>
public sealed class EraOutcomes(AppealsDbContext db, WorkflowDefinitions definitions, TimeProvider time, ClaimMatchKeys? keys = null)
{
    private readonly ClaimMatchKeys _keys = keys ?? new ClaimMatchKeys();

    /// <summary>Revisits every case the stored remittance can tell something about; returns how many cases changed.</summary>
    public Task<int> RecordAsync(long remittanceId, CancellationToken ct) => RecordStoredAsync(remittanceId, _ => { }, ct);

    /// <summary>
    /// True: the changing cases are loaded for change and saved by EF's change tracker (with ADR 0091's prepared statements),
    /// a round trip per case on the server providers. The set-based write (ADR 0077) is the default; this is the reference
    /// the tests hold it equal to.
    /// </summary>
    internal bool PerCase { get; init; }

    /// <summary>
    /// Cases this remittance's import opened that count as opened after its outcomes (its underpayment cases, inserted in its
    /// own transaction, ADR 0143): never revisited, never an earlier case to link to, as when they were inserted after it.
    /// </summary>
    internal IReadOnlySet<long> PassedOver { get; init; } = new HashSet<long>();

    /// <summary>Claims a chunk when a remittance's claims are read from the database (a remittance written in parts).</summary>
    internal int ClaimsPerChunk { get; init; } = 5000;

    /// <summary>
    /// As <see cref="RecordAsync(long, IReadOnlyList{ClaimKey}, Action{string}, CancellationToken)"/> for a stored remittance
    /// whose claims the caller does not hold (one written in parts, ADR 0090): they are read and recorded
    /// <see cref="ClaimsPerChunk"/> at a time, so that memory does not grow with the remittance; each case is revisited once.
    /// </summary>
    public async Task<int> RecordStoredAsync(long remittanceId, Action<string> warn, CancellationToken ct)
    {
        await _keys.ScreenRepeatedAsync(db, remittanceId, warn, ct);
        var revisited = new HashSet<long>();
        var (changed, after) = (0, 0L);
        while (true)
        {
            var chunk = await db.ClaimPayments.AsNoTracking().Where(c => c.RemittanceId == remittanceId && c.Id > after)
                .OrderBy(c => c.Id).Take(ClaimsPerChunk).Select(ClaimKey.Of).ToListAsync(ct);
            if (chunk.Count == 0) return changed;
            changed += await RecordAsync(remittanceId, chunk, warn, revisited, ct);
            db.ChangeTracker.Clear();
            after = chunk[^1].Id;
        }
    }

    /// <summary>
    /// As <see cref="RecordAsync(long, CancellationToken)"/>, with the remittance's claims as the importer holds them;
    /// <paramref name="warn"/> is told once of each identifier too common to match by.
    /// </summary>
    public Task<int> RecordAsync(long remittanceId, IReadOnlyList<ClaimKey> arrived, Action<string> warn, CancellationToken ct) =>
        RecordAsync(remittanceId, arrived, warn, revisited: null, ct);

    /// <summary>The cases in <c>revisited</c> (by an earlier chunk of the remittance's claims) are passed over; those revisited now are added.</summary>
    private async Task<int> RecordAsync(long remittanceId, IReadOnlyList<ClaimKey> arrived, Action<string> warn, HashSet<long>? revisited, CancellationToken ct)
    {
        if (arrived.Count == 0) return 0;
        var shared = await _keys.ScreenAsync(db, arrived, warn, ct);

        var (cases, read) = await CasesToRevisitAsync(remittanceId, arrived, shared, ct);
        cases.RemoveAll(c => PassedOver.Contains(c.Id));
        if (revisited is not null) cases.RemoveAll(c => !revisited.Add(c.Id));
        if (cases.Count > 0) cases = await WithoutUnanswerableAsync(cases, arrived, shared, ct);
        if (cases.Count == 0) return 0;
        var payments = await LaterPayments.LoadAsync(db, cases, _keys, ct);
        var links = await RedenialLinks.ChangesAsync(db, cases, payments.Own, _keys, PassedOver, read, ct);
        var answered = cases.Select(c => (Case: c, Matches: payments.For(c))).Where(x => x.Matches.Count > 0)
            .ToDictionary(x => x.Case.Id, x => x.Matches);
        if (links.Count == 0 && answered.Count == 0) return 0;

        var ids = links.Keys.Union(answered.Keys).Order().ToList();
        var transitions = new List<WorkflowTransition>();
        Dictionary<long, DenialCase> changing;
        SetStatements.RowSnapshot<DenialCase>? snapshot = null;
        if (PerCase) changing = await TrackedAsync(ids, ct);
        else (changing, snapshot) = await DetachedAsync(ids, read, ct);
        var changed = 0;
        foreach (var (id, earlier) in links)
        {
            var denial = changing[id];
            denial.LinkEarlierCase(earlier); // renews the concurrency stamp
            changed++;
        }
        if (answered.Count > 0)
        {
            var sources = await SourcesAsync(answered.Values.SelectMany(m => m).Select(m => m.RemittanceId).Distinct().ToList(), ct);
            var workflow = new CaseWorkflow(db, definitions, time) { Rules = new AppealRuleBook(db), Transitions = PerCase ? null : transitions };
            var facts = await GuardFacts.PreloadAsync(db, answered.Keys.ToList(), workflow.Rules, ct);
            foreach (var (id, matches) in answered)
                if (await RecordForCaseAsync(workflow, facts, changing[id], matches, remittanceId, sources, ct) && !links.ContainsKey(id)) changed++;
        }
        if (snapshot is null) await PreparedUpdates.SaveChangesAsync<DenialCase, WorkflowTransition>(db, ct);
        else await WriteAsync(snapshot, transitions, ct);
        return changed;
    }

    /// <summary>
    /// Cases opened by this remittance (its payment may have been imported first), and cases on earlier claims
    /// that its claims can answer: by payer claim number, or by patient control number with the same payer, looked up
    /// only for the values that other stored claims carry too (<paramref name="shared"/>); with the cases read by those values.
    /// </summary>
    private async Task<(List<CaseKey>, CasesByKey)> CasesToRevisitAsync(long remittanceId, IReadOnlyList<ClaimKey> arrived, SharedKeys shared, CancellationToken ct)
    {
        // The bulk importer numbers a remittance's claims without gaps: a range of the unique index, checked against the ids.
        var ids = arrived.Select(c => c.Id).ToHashSet();
        var (first, last) = (ids.Min(), ids.Max());
        var found = (await db.DenialCases.AsNoTracking().Where(c => c.ClaimPaymentId >= first && c.ClaimPaymentId <= last).Select(CaseKey.Of).ToListAsync(ct))
            .Where(c => ids.Contains(c.ClaimPaymentId)).ToList();

        var accounts = shared.Accounts.Where(_keys.UsableAccount).ToList();
        var read = await CasesByKey.ReadAsync(db, shared.Numbers.Where(_keys.UsableNumber).ToList(), accounts, ct);
        found.AddRange(read.MatchedByNumber.Select(CaseKey.From));
        if (accounts.Count > 0)
        {
            // The payer is compared here, not in SQL: given "PayerId = ? AND PatientControlNumber IN (…)", SQLite (no
            // statistics) walks the payer's index, every case of the payer, where the account's index finds a few rows a
            // value (a usable account is on at most MaxClaimsPerKey claims).
            var payerId = await db.Remittances.Where(r => r.Id == remittanceId).Select(r => r.PayerId).FirstAsync(ct);
            found.AddRange(read.MatchedByAccountOnly.Where(c => c.PayerId == payerId).Select(CaseKey.From));
        }
        return (found.DistinctBy(c => c.Id).OrderBy(c => c.Id).ToList(), read);
    }

    /// <summary>
    /// Passes over the remittance's own new cases that nothing stored can answer or link (ADR 0144), as a first import's
    /// are: the case is not linked yet, and no other stored claim carries its claim's CLP07, CLP01 or the CLP07 its REF*F8
    /// names (the screen's counts: its own claim is the one), and none names its CLP07 as the original (one query, for
    /// those cases' numbers only). A case's identifiers are its claim's (copied when it is opened), so no other case can
    /// carry them either: <see cref="LaterPayments"/> and <see cref="RedenialLinks"/> would find only the case and its
    /// own claim, which both leave out, so the case would not change. Only what matching would use is asked for (a
    /// value too common to match by is not). It relies on the database comparing text exactly (SQLite; PostgreSQL's
    /// deterministic collations): on SQL Server every case is looked up as before.
    /// </summary>
    private async Task<List<CaseKey>> WithoutUnanswerableAsync(List<CaseKey> cases, IReadOnlyList<ClaimKey> arrived, SharedKeys shared, CancellationToken ct)
    {
        if (db.Database.IsSqlServer()) return cases; // its default collation matches values that differ in case or trailing spaces
        var own = arrived.ToDictionary(c => c.Id);
        ClaimKey? Alone(CaseKey c) =>
            c.EarlierCaseId is null && own.TryGetValue(c.ClaimPaymentId, out var k) && c.Number == k.Number && c.Account == k.Account
            && shared.NoOtherClaimCarries(k, _keys) ? k : null;
        var alone = cases.Select(c => (Case: c, Claim: Alone(c))).Where(a => a.Claim is not null).ToList();
        if (alone.Count == 0) return cases;

        // An earlier-imported claim's REF*F8 may name this claim's number (ERAs arrive in any order).
        var numbers = alone.Select(a => a.Claim!.Number).Where(_keys.UsableNumber).Distinct();
        var naming = (await QueryChunk.ReadAsync(numbers, chunk => db.ClaimPayments.AsNoTracking()
                .Where(p => EF.Parameter(chunk).Contains(p.OriginalReferenceNumber)).Select(p => new { p.Id, p.OriginalReferenceNumber }), ct))
            .ToLookup(p => p.OriginalReferenceNumber, p => p.Id, StringComparer.Ordinal);
        var passed = alone.Where(a => !_keys.UsableNumber(a.Claim!.Number) || naming[a.Claim.Number].All(id => id == a.Claim.Id))
            .Select(a => a.Case.Id).ToHashSet();
        return passed.Count == 0 ? cases : cases.Where(c => !passed.Contains(c.Id)).ToList();
    }

    /// <summary>
    /// The cases that change, read without tracking (with their payers, which deadline planning and the guards read), and
    /// a snapshot of their columns: what the decisions change is then written set-based (<see cref="WriteAsync"/>). The rows
    /// found by their identifiers (<paramref name="read"/>, a later ERA's) are not read again: nothing was written since.
    /// </summary>
    private async Task<(Dictionary<long, DenialCase>, SetStatements.RowSnapshot<DenialCase>)> DetachedAsync(List<long> ids, CasesByKey read, CancellationToken ct)
    {
        var rows = (await QueryChunk.ReadAsync(ids.Where(id => !read.Rows.ContainsKey(id)), chunk =>
            db.DenialCases.AsNoTracking().Where(c => EF.Parameter(chunk).Contains(c.Id)), ct)).ToDictionary(c => c.Id);
        var cases = ids.Select(id => read.Rows.TryGetValue(id, out var known) ? known : rows[id]).ToList();
        var payerIds = cases.Select(c => c.PayerId).Distinct().ToArray();
        var payers = await db.Payers.AsNoTracking().Where(p => EF.Parameter(payerIds).Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var denial in cases) denial.Payer = payers[denial.PayerId];
        return (cases.ToDictionary(c => c.Id), SetStatements.Snapshot(db, cases));
    }

    /// <summary>
    /// Writes what the decisions changed with a fixed number of statements (ADR 0077), in one transaction: one
    /// <c>UPDATE … FROM</c> of the changed cases (each still at the concurrency stamp it was read with, else nothing is
    /// written) and one <c>INSERT … SELECT</c> of their transitions, in the order the moves were made.
    /// </summary>
    private Task WriteAsync(SetStatements.RowSnapshot<DenialCase> cases, List<WorkflowTransition> transitions, CancellationToken ct) =>
        InTransaction.RunAsync(db, async _ =>
        {
            await cases.UpdateChangedAsync(ct);
            await SetStatements.InsertAsync(db, transitions, ct);
        }, ct);

    /// <summary>The per-case reference (<see cref="PerCase"/>): the cases loaded for change, with their payers.</summary>
    private async Task<Dictionary<long, DenialCase>> TrackedAsync(List<long> ids, CancellationToken ct) =>
        (await QueryChunk.ReadAsync(ids, chunk => db.DenialCases.Include(c => c.Payer).Where(c => EF.Parameter(chunk).Contains(c.Id)), ct))
        .ToDictionary(c => c.Id);

    private async Task<Dictionary<long, (string TraceNumber, string File)>> SourcesAsync(List<long> remittanceIds, CancellationToken ct) =>
        (await QueryChunk.ReadAsync(remittanceIds, chunk => db.Remittances.AsNoTracking().Where(r => EF.Parameter(chunk).Contains(r.Id))
            .Select(r => new { r.Id, r.TraceNumber, File = r.ImportedFile!.FileName }), ct))
        .ToDictionary(r => r.Id, r => (r.TraceNumber, r.File));

    private static async Task<bool> RecordForCaseAsync(CaseWorkflow workflow, GuardFacts.Preloaded facts, DenialCase denial,
        IReadOnlyList<PaymentCandidate> matches, long remittanceId, Dictionary<long, (string TraceNumber, string File)> sources, CancellationToken ct)
    {
        // Net of what the payer took back since (PLB offsets, ADR 0105): a reopened case is not closed again by the payment it lost.
        var recovered = Math.Max(0m, matches.Sum(m => m.PaymentAmount) - denial.TakenBackAmount);
        var changed = denial.RecordRecovery(recovered);

        var trigger = recovered >= denial.DeniedAmount ? WorkflowTriggers.Paid
            : recovered > 0 ? WorkflowTriggers.PartlyPaid
            : matches.Any(m => m.RemittanceId == remittanceId) ? WorkflowTriggers.Denied
            : null;
        if (trigger is null || denial.Status.IsClosed) return changed;

        // Names the file and trace number of each ERA, so that the auditor's timeline says what moved the case.
        var paidBy = string.Join(", ", matches.Select(m => sources.TryGetValue(m.RemittanceId, out var s)
            ? $"remittance {m.RemittanceId} (file {s.File}, trace {s.TraceNumber}) claim {m.Id} CLP02={m.StatusCode} paid {m.PaymentAmount:0.00}"
            : $"remittance {m.RemittanceId} claim {m.Id} CLP02={m.StatusCode} paid {m.PaymentAmount:0.00}"));
        // A move the case's state does not allow (e.g. a re-denial before anything was sent) is no
        // outcome: the recovered amount is kept and the workflow stays where people put it.
        var result = await workflow.ApplyAsync(denial, trigger, WorkflowActor.System("era"),
            $"Later ERA: {paidBy}; recovered {recovered:0.00} of {denial.DeniedAmount:0.00}.", facts, ct);
        return changed || result.Succeeded;
    }
}

/// <summary>What matching and re-denial linking read of a denial case, without loading it for change.</summary>
internal sealed record CaseKey(long Id, long ClaimPaymentId, long PayerId, string Number, string Account, DateOnly? ServiceDate,
    DateOnly DenialDate, long? EarlierCaseId)
{
    public static readonly System.Linq.Expressions.Expression<Func<DenialCase, CaseKey>> Of = c =>
        new CaseKey(c.Id, c.ClaimPaymentId, c.PayerId, c.PayerClaimControlNumber, c.PatientControlNumber, c.ServiceDate, c.DenialDate, c.EarlierCaseId);

    private static readonly Func<DenialCase, CaseKey> OfCase = Of.Compile();

    /// <summary>The keys of a case read in full, as <see cref="Of"/> reads them.</summary>
    public static CaseKey From(DenialCase denial) => OfCase(denial);
}
