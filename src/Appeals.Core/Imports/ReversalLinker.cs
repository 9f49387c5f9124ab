using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Imports;

/// <summary>
/// Links a reversal (CLP02=22) to the claim payment it negates: same payer and payer claim control
/// number (CLP07), else same patient control number (CLP01) and service dates. An earlier claim of the
/// same remittance counts; otherwise the latest stored one does.
/// </summary>
internal static class ReversalLinker
{
    public static async Task LinkAsync(AppealsDbContext db, Remittance remittance, long payerId, CancellationToken ct)
    {
        for (var i = 0; i < remittance.Claims.Count; i++)
        {
            var reversal = remittance.Claims[i];
            if (reversal.StatusCode != DenialDetector.ReversalStatus) continue;
            reversal.ReversesClaimPaymentId = FindInSameRemittance(remittance, i) ?? await FindStoredAsync(db, reversal, payerId, ct);
        }
    }

    /// <summary>True when a reversal of <paramref name="remittance"/> (ids assigned) has no earlier claim of its own to negate, so it is looked up among stored claims.</summary>
    public static bool LooksUpStored(Remittance remittance)
    {
        for (var i = 0; i < remittance.Claims.Count; i++)
            if (remittance.Claims[i].StatusCode == DenialDetector.ReversalStatus && FindInSameRemittance(remittance, i) is null) return true;
        return false;
    }

    private static long? FindInSameRemittance(Remittance remittance, int reversalIndex)
    {
        var reversal = remittance.Claims[reversalIndex];
        for (var i = reversalIndex - 1; i >= 0; i--)
        {
            var c = remittance.Claims[i];
            if (c.StatusCode != DenialDetector.ReversalStatus && SameClaim(c, reversal)) return c.Id;
        }
        return null;
    }

    private static bool SameClaim(ClaimPayment earlier, ClaimPayment reversal) =>
        reversal.PayerClaimControlNumber.Length > 0 && earlier.PayerClaimControlNumber == reversal.PayerClaimControlNumber
        || earlier.PatientControlNumber == reversal.PatientControlNumber
           && earlier.ServiceDateFrom == reversal.ServiceDateFrom && earlier.ServiceDateTo == reversal.ServiceDateTo;

    private static async Task<long?> FindStoredAsync(AppealsDbContext db, ClaimPayment reversal, long payerId, CancellationToken ct)
    {
        var candidates = db.ClaimPayments.AsNoTracking()
            .Where(c => c.StatusCode != DenialDetector.ReversalStatus && c.Remittance!.PayerId == payerId);
        if (reversal.PayerClaimControlNumber.Length > 0)
        {
            var pccn = reversal.PayerClaimControlNumber;
            var byPayerNumber = await candidates.Where(c => c.PayerClaimControlNumber == pccn)
                .OrderByDescending(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
            if (byPayerNumber is not null) return byPayerNumber;
        }
        var pcn = reversal.PatientControlNumber;
        var (from, to) = (reversal.ServiceDateFrom, reversal.ServiceDateTo);
        return await candidates.Where(c => c.PatientControlNumber == pcn && c.ServiceDateFrom == from && c.ServiceDateTo == to)
            .OrderByDescending(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
    }
}
