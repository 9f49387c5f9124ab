using Appeals.Core.Audit;
using Appeals.Core.Denials;
using Appeals.Core.Imports;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Appeals.Core.TakeBacks;
using Appeals.Workflows.Outcomes;
using Appeals.Workflows.Routing;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.TakeBacks;

/// <summary>
/// After each remittance is committed, records the PLB adjustments that take money back (<see cref="TakeBackReasons"/>) and
/// links each to the claim its PLB03-2 names: the payer claim number (CLP07) of a stored claim of the same payer, else its
/// patient control number (CLP01), and to that claim's case (its own, or the case of the claim a corrected claim replaced).
/// Unlinked ones are stored as such and reported as an import warning. A linked one is charged against its case's recovery,
/// and reopens the case when it had closed with money recovered (<see cref="TakeBackCharges"/>, ADR 0105), in the same
/// transaction as the rows and with an audit row for each reopened case. Set-based (ADR 0075): a remittance without a
/// take-back costs nothing; one with some, a fixed number of queries whatever their count.
/// </summary>
public sealed class TakeBackHandler(WorkflowDefinitions definitions, TimeProvider time) : IImportedRemittanceHandler
{
    public async Task HandleAsync(ImportedRemittance imported, CancellationToken ct)
    {
        var db = imported.Db;
        var remittance = imported.Remittance;
        var plbs = imported.ClaimsHeld
            ? remittance.ProviderAdjustments.Where(p => TakeBackReasons.IsTakeBack(p.ReasonCode, p.Amount)).ToList()
            : (await db.ProviderAdjustments.AsNoTracking().Where(p => p.RemittanceId == imported.RemittanceId).ToListAsync(ct))
                .Where(p => TakeBackReasons.IsTakeBack(p.ReasonCode, p.Amount)).ToList();
        if (plbs.Count == 0) return;
        var plbIds = plbs.Select(p => p.Id).ToList();
        var done = (await db.TakeBacks.AsNoTracking().Where(t => plbIds.Contains(t.ProviderAdjustmentId)).Select(t => t.ProviderAdjustmentId).ToListAsync(ct)).ToHashSet();
        plbs.RemoveAll(p => done.Contains(p.Id));
        if (plbs.Count == 0) return;

        var claims = await NamedClaims.FindAsync(db, imported.RemittanceId, remittance.PayerId, plbs.Select(p => p.ReferenceId.Trim()).ToList(), ct);
        var cases = await CasesAsync(db, remittance.PayerId, claims.Values.Where(c => c.Claim is not null).Select(c => c.Claim!).ToList(), ct);
        var now = time.GetUtcNow();
        var takenOn = remittance.PaymentDate ?? remittance.ProductionDate ?? DateOnly.FromDateTime(now.UtcDateTime);
        var rows = plbs.Select(p =>
        {
            var named = claims.GetValueOrDefault(p.ReferenceId.Trim());
            var denial = named?.Claim is { } claim ? CaseOf(claim, cases) : null;
            return new TakeBack
            {
                ProviderAdjustmentId = p.Id, RemittanceId = imported.RemittanceId, PayerId = remittance.PayerId, ReasonCode = p.ReasonCode,
                Reference = p.ReferenceId.Trim(), Amount = p.Amount, TakenOn = takenOn, RecordedAt = now,
                ClaimPaymentId = named?.Claim?.Id, DenialCaseId = denial?.Id, Link = named?.Link ?? TakeBackLinks.Unlinked,
                RecoveredAfterAppeal = denial is { FirstAppealedAt: not null } && denial.Status is DenialCaseStatus.Recovered or DenialCaseStatus.PartiallyRecovered,
            };
        }).ToList();
        var reopened = await new AuditLog(db, time).RecordAllAsync(async () =>
        {
            db.TakeBacks.AddRange(rows);
            var moves = await new TakeBackCharges(db, definitions, time).ApplyAsync(rows, imported.RemittanceId, ct);
            await db.SaveChangesAsync(ct);
            return moves;
        }, moves => moves.Select(m => CaseAuditRecords.Moved(m.Result, m.Result.Transition!.Actor, m.CaseId, m.Result.Transition.Reason)!).ToList(), ct);

        var unlinked = rows.Count(r => r.ClaimPaymentId is null);
        if (unlinked > 0)
            imported.Warn($"remittance {imported.RemittanceId}: {unlinked} of {rows.Count} take-back(s) (PLB {string.Join(", ", rows.Where(r => r.ClaimPaymentId is null).Select(r => r.ReasonCode).Distinct())}) name no stored claim of the payer; listed by `appeals report payers` as unlinked");
        var afterAppeal = rows.Count(r => r.RecoveredAfterAppeal);
        if (afterAppeal > 0)
            imported.Warn($"remittance {imported.RemittanceId}: {afterAppeal} take-back(s) on cases recovered after an appeal (cases {string.Join(", ", rows.Where(r => r.RecoveredAfterAppeal).Select(r => r.DenialCaseId))})");
        if (reopened.Count > 0)
            imported.Warn($"remittance {imported.RemittanceId}: take-backs reopened {reopened.Count} case(s) closed as recovered, back in the queue (cases {string.Join(", ", reopened.Select(m => m.CaseId))})");
    }

    /// <summary>The cases of the named claims: on the claim itself, or on the claim it corrected (REF*F8), or sharing its CLP07.</summary>
    private static async Task<List<CaseFacts>> CasesAsync(AppealsDbContext db, long payerId, List<NamedClaim> claims, CancellationToken ct)
    {
        if (claims.Count == 0) return [];
        var ids = claims.Select(c => c.Id).ToList();
        var numbers = claims.SelectMany(c => new[] { c.Number, c.Original }).Where(ClaimMatchKeys.Meaningful).Distinct().ToList();
        // Two index searches, the payer checked here: with the payer's id in the query, SQLite (no statistics) walked
        // IX_DenialCases_PayerId, every case of the payer, on each remittance with a take-back.
        var byClaim = await db.DenialCases.AsNoTracking().Where(c => ids.Contains(c.ClaimPaymentId))
            .Select(c => new CaseFacts(c.Id, c.ClaimPaymentId, c.PayerClaimControlNumber, c.Status, c.FirstAppealedAt))
            .ToListAsync(ct);
        if (numbers.Count == 0) return byClaim;
        var byNumber = await db.DenialCases.AsNoTracking().Where(c => numbers.Contains(c.PayerClaimControlNumber))
            .Select(c => new { c.PayerId, Facts = new CaseFacts(c.Id, c.ClaimPaymentId, c.PayerClaimControlNumber, c.Status, c.FirstAppealedAt) })
            .ToListAsync(ct);
        return [.. byClaim.Concat(byNumber.Where(c => c.PayerId == payerId).Select(c => c.Facts)).DistinctBy(c => c.Id)];
    }

    private static CaseFacts? CaseOf(NamedClaim claim, List<CaseFacts> cases) =>
        cases.Where(c => c.ClaimPaymentId == claim.Id).MaxBy(c => c.Id)
        ?? cases.Where(c => claim.Original.Length > 0 && c.PayerClaimControlNumber == claim.Original).MaxBy(c => c.Id)
        ?? cases.Where(c => c.PayerClaimControlNumber == claim.Number).MaxBy(c => c.Id);
}

internal sealed record CaseFacts(long Id, long ClaimPaymentId, string PayerClaimControlNumber, DenialCaseStatus Status, DateTimeOffset? FirstAppealedAt);
