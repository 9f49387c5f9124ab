using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Outcomes;

/// <summary>
/// Links a re-denial to the earlier denial of the same claim (<see cref="DenialCase.EarlierCaseId"/>):
/// same payer and payer claim number (CLP07), or a later claim whose REF*F8 names the earlier CLP07;
/// when no number matches, the same patient control number and service date. Each case points at the
/// latest case before it by denial date (then id), recomputed from what is stored, so the links do not
/// depend on the order in which the ERAs were imported.
/// </summary>
internal static class RedenialLinks
{
    /// <summary>Sets the link of each given (tracked) case; returns how many changed.</summary>
    public static async Task<int> LinkAsync(AppealsDbContext db, IReadOnlyList<DenialCase> cases, CancellationToken ct)
    {
        var changed = 0;
        foreach (var denial in cases)
        {
            var earlier = (await SameClaimAsync(db, denial, ct))
                .Where(o => o.DenialDate < denial.DenialDate || o.DenialDate == denial.DenialDate && o.Id < denial.Id)
                .OrderBy(o => o.DenialDate).ThenBy(o => o.Id).Select(o => (long?)o.Id).LastOrDefault();
            if (earlier == denial.EarlierCaseId) continue;
            denial.EarlierCaseId = earlier;
            denial.Version = Guid.NewGuid(); // every update changes Version (optimistic concurrency)
            changed++;
        }
        return changed;
    }

    private static async Task<List<(long Id, DateOnly DenialDate)>> SameClaimAsync(AppealsDbContext db, DenialCase denial, CancellationToken ct)
    {
        var original = await db.ClaimPayments.AsNoTracking().Where(c => c.Id == denial.ClaimPaymentId)
            .Select(c => c.OriginalReferenceNumber).FirstOrDefaultAsync(ct) ?? "";
        var numbers = new[] { denial.PayerClaimControlNumber, original }.Where(n => n.Length > 0).Distinct().ToList();
        var others = db.DenialCases.AsNoTracking().Where(o => o.Id != denial.Id && o.PayerId == denial.PayerId);
        var found = numbers.Count == 0 ? [] : await others
            .Where(o => numbers.Contains(o.PayerClaimControlNumber)
                || (denial.PayerClaimControlNumber != "" && o.ClaimPayment!.OriginalReferenceNumber == denial.PayerClaimControlNumber))
            .Select(o => new { o.Id, o.DenialDate }).ToListAsync(ct);
        if (found.Count == 0)
            found = await others.Where(o => o.PatientControlNumber == denial.PatientControlNumber && o.ServiceDate == denial.ServiceDate)
                .Select(o => new { o.Id, o.DenialDate }).ToListAsync(ct);
        return found.Select(o => (o.Id, o.DenialDate)).ToList();
    }
}
