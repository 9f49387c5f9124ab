using Appeals.Core.Contracts;
using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Persistence.BulkInsert;
using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Appeals.Workflows.Underpayments;

/// <summary>
/// After each remittance is committed, compares its paid lines with the payer's contract and opens an underpayment case for
/// each claim short-paid beyond the thresholds (issue 16). Set-based like the other post-commit handlers (ADR 0075): per
/// import run one query for whether any contract exists, one per payer for its schedule, one for the base rates; per
/// remittance one query for the claims that already have a case and one insert batch; lines are compared in memory.
/// With no contracts loaded it costs one query per import run.
/// </summary>
/// <remarks>Scoped: one import run shares the schedules and base rates it read (a contract imported during a run applies from the next run).</remarks>
public sealed class UnderpaymentHandler(TimeProvider time, IOptions<UnderpaymentOptions>? options = null) : IImportedRemittanceHandler
{
    private readonly UnderpaymentOptions _options = options?.Value ?? new UnderpaymentOptions();
    private readonly Dictionary<long, (Payer Payer, ContractSchedule? Schedule)> _payers = [];
    private bool? _anyContracts;
    private UnderpaymentScoring? _scoring;

    public async Task HandleAsync(ImportedRemittance imported, CancellationToken ct)
    {
        var db = imported.Db;
        _anyContracts ??= await db.PayerContracts.AnyAsync(ct);
        if (_anyContracts == false) return;
        var (payer, schedule) = await PayerAsync(db, imported.Remittance.PayerId, ct);
        if (schedule is null) return;
        var threshold = _options.ThresholdFor(payer.Identifier);

        if (imported.ClaimsHeld)
        {
            var claims = imported.Remittance.Claims.Where(Comparable).ToDictionary(c => c.Id);
            var underpaid = ClaimVariance.Of(claims.Values.SelectMany(PaidLine.Of), schedule).Where(v => v.IsUnderpaid(threshold)).ToList();
            await OpenCasesAsync(db, imported.Remittance, underpaid, ids => Task.FromResult(ids.Select(id => ClaimFacts.Of(claims[id])).ToList()), ct);
        }
        else
        {
            await foreach (var lines in StoredPaidLines.ReadAsync(db, imported.RemittanceId, ct))
            {
                var underpaid = ClaimVariance.Of(lines, schedule).Where(v => v.IsUnderpaid(threshold)).ToList();
                await OpenCasesAsync(db, imported.Remittance, underpaid, ids =>
                    db.ClaimPayments.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(ClaimFacts.Select).ToListAsync(ct), ct);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Reversals undo an earlier claim and denied claims are denials: neither is a short payment.</summary>
    private static bool Comparable(ClaimPayment claim) => claim.StatusCode is not (22 or 4) && claim.PaymentAmount >= 0;

    private async Task OpenCasesAsync(AppealsDbContext db, Remittance remittance, List<ClaimVariance> underpaid,
        Func<List<long>, Task<List<ClaimFacts>>> facts, CancellationToken ct)
    {
        if (underpaid.Count == 0) return;
        var ids = underpaid.Select(v => v.ClaimPaymentId).ToList();
        // A claim with a denial case keeps that one case (one case per claim payment): its specialist sees the whole claim.
        var taken = (await db.DenialCases.AsNoTracking().Where(c => ids.Contains(c.ClaimPaymentId)).Select(c => c.ClaimPaymentId).ToListAsync(ct)).ToHashSet();
        var open = underpaid.Where(v => !taken.Contains(v.ClaimPaymentId)).ToList();
        if (open.Count == 0) return;
        _scoring ??= await UnderpaymentScoring.LoadAsync(db, _options, ct);
        var claims = (await facts(open.Select(v => v.ClaimPaymentId).ToList())).ToDictionary(c => c.Id);
        var now = time.GetUtcNow();
        var denialDate = remittance.PaymentDate ?? remittance.ProductionDate ?? DateOnly.FromDateTime(now.UtcDateTime);
        // The import's bulk DenialCases inserter, not EF's AddRange/SaveChanges: at one claim in five underpaid a million-claim
        // import opens ~87k cases, and the change tracker made that cost +60 % CPU (issue 16).
        await DenialCaseBulkInsert.InsertAsync(db,
            [.. open.Select(v => UnderpaymentCase.Open(v, claims[v.ClaimPaymentId], remittance.PayerId, denialDate, now, _scoring))], ct);
    }

    private async Task<(Payer, ContractSchedule?)> PayerAsync(AppealsDbContext db, long payerId, CancellationToken ct)
    {
        if (_payers.TryGetValue(payerId, out var known)) return known;
        var payer = await db.Payers.AsNoTracking().FirstAsync(p => p.Id == payerId, ct);
        return _payers[payerId] = (payer, await ContractSchedule.LoadAsync(db, payer, ct));
    }
}

/// <summary>What an underpayment case copies from its claim.</summary>
internal sealed record ClaimFacts(long Id, string PatientControlNumber, string PayerClaimControlNumber, string RenderingProviderId,
    DateOnly? ServiceDateFrom, decimal ChargeAmount)
{
    public static ClaimFacts Of(ClaimPayment c) => new(c.Id, c.PatientControlNumber, c.PayerClaimControlNumber, c.RenderingProviderId, c.ServiceDateFrom, c.ChargeAmount);

    public static readonly System.Linq.Expressions.Expression<Func<ClaimPayment, ClaimFacts>> Select = c =>
        new ClaimFacts(c.Id, c.PatientControlNumber, c.PayerClaimControlNumber, c.RenderingProviderId, c.ServiceDateFrom, c.ChargeAmount);
}
