using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
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
/// nothing, and the order in which ERAs arrive does not matter.
/// </remarks>
public sealed class EraOutcomes(AppealsDbContext db, WorkflowDefinitions definitions, TimeProvider time)
{
    /// <summary>Revisits every case the remittance can tell something about; returns how many cases changed.</summary>
    public async Task<int> RecordAsync(long remittanceId, CancellationToken ct)
    {
        var claims = await db.ClaimPayments.AsNoTracking().Where(c => c.RemittanceId == remittanceId)
            .Select(c => new { c.PayerClaimControlNumber, c.OriginalReferenceNumber, c.PatientControlNumber })
            .ToListAsync(ct);
        var numbers = claims.SelectMany(c => new[] { c.PayerClaimControlNumber, c.OriginalReferenceNumber })
            .Where(n => n.Length > 0).Distinct().ToList();
        var accounts = claims.Select(c => c.PatientControlNumber).Distinct().ToList();

        // Cases created from this remittance (its payment may have been imported first), and cases on
        // earlier claims that this remittance's claims can match.
        var cases = await db.DenialCases.Include(c => c.Payer)
            .Where(c => c.ClaimPayment!.RemittanceId == remittanceId
                || numbers.Contains(c.PayerClaimControlNumber)
                || accounts.Contains(c.PatientControlNumber))
            .ToListAsync(ct);
        var changed = await RedenialLinks.LinkAsync(db, cases, ct);
        foreach (var denial in cases)
            if (await RecordForCaseAsync(denial, remittanceId, ct)) changed++;
        await db.SaveChangesAsync(ct);
        return changed;
    }

    private async Task<bool> RecordForCaseAsync(DenialCase denial, long remittanceId, CancellationToken ct)
    {
        var matches = await ClaimMatcher.LaterPaymentsAsync(db, denial, ct);
        if (matches.Count == 0) return false;

        var recovered = Math.Max(0m, matches.Sum(m => m.PaymentAmount));
        var changed = recovered != denial.RecoveredAmount;
        denial.RecoveredAmount = recovered;
        if (changed) denial.Version = Guid.NewGuid();

        var trigger = recovered >= denial.DeniedAmount ? WorkflowTriggers.Paid
            : recovered > 0 ? WorkflowTriggers.PartlyPaid
            : matches.Any(m => m.RemittanceId == remittanceId) ? WorkflowTriggers.Denied
            : null;
        if (trigger is null || DenialCaseStatus.IsClosed(denial.Status)) return changed;

        // Names the file and trace number of each ERA, so that the auditor's timeline says what moved the case.
        var remittanceIds = matches.Select(m => m.RemittanceId).Distinct().ToList();
        var sources = await db.Remittances.AsNoTracking().Where(r => remittanceIds.Contains(r.Id))
            .Select(r => new { r.Id, r.TraceNumber, File = r.ImportedFile!.FileName }).ToDictionaryAsync(r => r.Id, ct);
        var paidBy = string.Join(", ", matches.Select(m => sources.TryGetValue(m.RemittanceId, out var s)
            ? $"remittance {m.RemittanceId} (file {s.File}, trace {s.TraceNumber}) claim {m.Id} CLP02={m.StatusCode} paid {m.PaymentAmount:0.00}"
            : $"remittance {m.RemittanceId} claim {m.Id} CLP02={m.StatusCode} paid {m.PaymentAmount:0.00}"));
        // A move the case's state does not allow (e.g. a re-denial before anything was sent) is no
        // outcome: the recovered amount is kept and the workflow stays where people put it.
        var result = await new CaseWorkflow(db, definitions, time)
            .ApplyAsync(denial, trigger, WorkflowActor.System("era"), $"Later ERA: {paidBy}; recovered {recovered:0.00} of {denial.DeniedAmount:0.00}.", ct);
        return changed || result.Succeeded;
    }
}

/// <summary>Finds the later claim payments that answer a denial case's claim.</summary>
internal static class ClaimMatcher
{
    /// <summary>
    /// Claim payments other than the case's own, on remittances dated on or after the denial, that
    /// carry the claim's payer claim number (CLP07) or name it as the original (REF*F8); when none do,
    /// those with the same patient control number (CLP01), payer and first service date.
    /// </summary>
    public static async Task<IReadOnlyList<ClaimPayment>> LaterPaymentsAsync(AppealsDbContext db, DenialCase denial, CancellationToken ct)
    {
        var own = await db.ClaimPayments.AsNoTracking().Where(c => c.Id == denial.ClaimPaymentId)
            .Select(c => new { c.PayerClaimControlNumber, c.PatientControlNumber, c.ServiceDateFrom }).FirstAsync(ct);
        var candidates = db.ClaimPayments.AsNoTracking().Include(c => c.Remittance)
            .Where(c => c.Id != denial.ClaimPaymentId);

        List<ClaimPayment> found = [];
        if (own.PayerClaimControlNumber.Length > 0)
            found = await candidates.Where(c => c.PayerClaimControlNumber == own.PayerClaimControlNumber
                || c.OriginalReferenceNumber == own.PayerClaimControlNumber).ToListAsync(ct);
        if (found.Count == 0)
            found = await candidates.Where(c => c.PatientControlNumber == own.PatientControlNumber
                && c.Remittance!.PayerId == denial.PayerId && c.ServiceDateFrom == own.ServiceDateFrom).ToListAsync(ct);
        return found.Where(c => (c.Remittance?.PaymentDate ?? c.Remittance?.ProductionDate) is not { } date || date >= denial.DenialDate)
            .OrderBy(c => c.Id).ToList();
    }
}
