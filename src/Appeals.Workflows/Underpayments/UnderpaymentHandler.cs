using System.Runtime.ExceptionServices;
using Appeals.Core.Contracts;
using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows.Underpayments;

/// <summary>
/// Compares each remittance's paid lines with the payer's contract and opens an underpayment case for each claim short-paid
/// beyond the thresholds (issue 16). The comparison runs while the remittance is written (ADR 0150): as a new-case preparer it
/// is given each remittance, or each part of one written in parts, with its claims in memory inside the import's transaction,
/// and compares them on the preparers' thread while the writer inserts the rows. As a case opener it then hands the importer
/// the cases it found, which are numbered after the remittance's denial cases and inserted with them before the commit (ADR
/// 0143): one query for the base rates per run, no transaction of their own. They keep the meaning of cases opened after
/// the remittance's outcomes (the outcome handler passes over them). Per import run one query for whether any contract
/// exists and one per payer for its schedule; with no contracts loaded that one query is all it costs.
/// </summary>
/// <remarks>
/// Scoped: one import run shares the schedules and base rates it read (a contract imported during a run applies from the
/// next run). The importer gives a handler that is also a preparer both calls on the same instance. As a post-commit handler
/// (after the outcomes, before the take-backs) it only reports a comparison that failed.
/// </remarks>
public sealed class UnderpaymentHandler(TimeProvider time, IOptions<UnderpaymentOptions>? options = null)
    : INewCaseOpener, IImportedRemittanceHandler
{
    private static readonly Action Nothing = () => { };
    private readonly UnderpaymentOptions _options = options?.Value ?? new UnderpaymentOptions();
    private readonly Dictionary<long, (Payer Payer, ContractSchedule? Schedule)> _payers = [];
    // By remittance id: what its parts' comparisons found, until the handler opens the cases after its commit.
    private readonly Dictionary<long, Found> _found = [];
    private bool? _anyContracts;
    private UnderpaymentScoring? _scoring;

    /// <summary>
    /// In the remittance's transaction: reads the payer's schedule (once per run) and returns the comparison of the claims in
    /// memory, which the importer runs beside the insert of its rows.
    /// </summary>
    public async Task<Action> PrepareAsync(AppealsDbContext db, Remittance remittance, IReadOnlyList<DenialCase> cases, CancellationToken ct)
    {
        _anyContracts ??= await db.PayerContracts.AnyAsync(ct);
        if (_anyContracts == false) return Nothing;
        // The parts of one remittance share its transaction. Another transaction under the same id is another remittance (a
        // refused one's id is given again on SQLite) or the same one written again: what the earlier one found goes.
        var transaction = db.Database.CurrentTransaction;
        if (_found.TryGetValue(remittance.Id, out var found) && !ReferenceEquals(found.Transaction, transaction)) _found.Remove(remittance.Id);
        var (payer, schedule) = await PayerAsync(db, remittance.PayerId, ct);
        if (schedule is null) return Nothing;
        var threshold = _options.ThresholdFor(payer.Identifier);
        if (!_found.TryGetValue(remittance.Id, out found)) _found[remittance.Id] = found = new Found(transaction);
        // A claim with a denial case keeps that one case (one case per claim payment): its specialist sees the whole claim.
        var taken = cases.Select(c => c.ClaimPaymentId).ToHashSet();
        var claims = remittance.Claims;
        return () => found.Compare(claims, taken, schedule, threshold);
    }

    /// <summary>
    /// Before the commit, with the remittance's last part (ADR 0143): the cases the comparison found, for the importer to number
    /// after the remittance's denial cases and insert in the same transaction. A comparison that failed, or an opening that
    /// fails, opens nothing here: <see cref="HandleAsync"/> reports it after the commit, as before.
    /// </summary>
    public async Task<IReadOnlyList<DenialCase>> OpenAsync(AppealsDbContext db, Remittance remittance, CancellationToken ct)
    {
        if (!_found.TryGetValue(remittance.Id, out var found) || found.Failure is not null
            || !ReferenceEquals(found.Transaction, db.Database.CurrentTransaction)) return [];
        try
        {
            if (found.Underpaid.Count == 0) return [];
            _scoring ??= await UnderpaymentScoring.LoadAsync(db, _options, ct);
            var now = time.GetUtcNow();
            var denialDate = remittance.PaymentDate ?? remittance.ProductionDate ?? DateOnly.FromDateTime(now.UtcDateTime);
            return [.. found.Underpaid.Select(u => UnderpaymentCase.Open(u.Variance, u.Claim, remittance.PayerId, denialDate, now, _scoring))];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // As when the cases were opened after the commit: the remittance stays imported, HandleAsync reports the failure.
            found.Fail(ex);
            return [];
        }
        finally
        {
            if (found.Failure is null) _found.Remove(remittance.Id);
        }
    }

    /// <summary>After the commit, in the handlers' order: reports a comparison that failed (the remittance stays imported).</summary>
    public Task HandleAsync(ImportedRemittance imported, CancellationToken ct)
    {
        // A remittance refused or found a duplicate after it was prepared never comes here: what was found for an earlier one goes.
        foreach (var stale in _found.Keys.Where(id => id < imported.RemittanceId).ToList()) _found.Remove(stale);
        if (_found.Remove(imported.RemittanceId, out var found)) found.Failure?.Throw();
        return Task.CompletedTask;
    }

    /// <summary>Reversals undo an earlier claim and denied claims are denials: neither is a short payment.</summary>
    private static bool Comparable(ClaimPayment claim) => claim.StatusCode is not (22 or 4) && claim.PaymentAmount >= 0;

    private async Task<(Payer, ContractSchedule?)> PayerAsync(AppealsDbContext db, long payerId, CancellationToken ct)
    {
        if (_payers.TryGetValue(payerId, out var known)) return known;
        var payer = await db.Payers.AsNoTracking().FirstAsync(p => p.Id == payerId, ct);
        return _payers[payerId] = (payer, await ContractSchedule.LoadAsync(db, payer, ct));
    }

    /// <summary>The short-paid claims of one remittance, part by part, in claim order; or why comparing them failed.</summary>
    private sealed class Found(object? transaction)
    {
        public object? Transaction { get; } = transaction;

        public List<(ClaimVariance Variance, ClaimFacts Claim)> Underpaid { get; } = [];

        /// <summary>Reported by the handler after the commit, as a failed handler is (the remittance stays imported).</summary>
        public ExceptionDispatchInfo? Failure { get; private set; }

        public void Fail(Exception ex) => Failure = ExceptionDispatchInfo.Capture(ex);

        /// <summary>CPU only, on the preparers' thread: reads the claims, changes nothing but this.</summary>
        public void Compare(List<ClaimPayment> claims, HashSet<long> taken, ContractSchedule schedule, UnderpaymentThreshold threshold)
        {
            try
            {
                foreach (var claim in claims)
                {
                    if (!Comparable(claim) || taken.Contains(claim.Id)) continue;
                    var variance = ClaimVariance.Of(claim, schedule);
                    if (variance.IsUnderpaid(threshold)) Underpaid.Add((variance, ClaimFacts.Of(claim)));
                }
            }
            catch (Exception ex)
            {
                Fail(ex);
            }
        }
    }
}

/// <summary>What an underpayment case copies from its claim.</summary>
internal sealed record ClaimFacts(long Id, string PatientControlNumber, string PayerClaimControlNumber, string RenderingProviderId,
    DateOnly? ServiceDateFrom, decimal ChargeAmount)
{
    public static ClaimFacts Of(ClaimPayment c) => new(c.Id, c.PatientControlNumber, c.PayerClaimControlNumber, c.RenderingProviderId, c.ServiceDateFrom, c.ChargeAmount);
}
