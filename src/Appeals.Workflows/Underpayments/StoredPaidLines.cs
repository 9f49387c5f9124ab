using Appeals.Core.Contracts;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Underpayments;

/// <summary>
/// The paid lines of a remittance written in parts (ADR 0090), whose claims the importer does not hold: read a chunk of
/// claims at a time, three queries a chunk (claims, their lines, their line-level adjustments), never one per claim.
/// </summary>
internal static class StoredPaidLines
{
    public const int ClaimsPerChunk = 5000;

    public static async IAsyncEnumerable<List<PaidLine>> ReadAsync(AppealsDbContext db, long remittanceId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var after = 0L;
        while (true)
        {
            var claims = await db.ClaimPayments.AsNoTracking()
                .Where(c => c.RemittanceId == remittanceId && c.Id > after && c.StatusCode != 22 && c.StatusCode != 4)
                .OrderBy(c => c.Id).Take(ClaimsPerChunk).Select(c => new { c.Id, c.ServiceDateFrom }).ToListAsync(ct);
            if (claims.Count == 0) yield break;
            var (first, last) = (claims[0].Id, claims[^1].Id);
            after = last;
            var dates = claims.ToDictionary(c => c.Id, c => c.ServiceDateFrom);
            var lines = await db.ServiceLines.AsNoTracking().Where(l => l.ClaimPaymentId >= first && l.ClaimPaymentId <= last)
                .Select(l => new { l.Id, l.ClaimPaymentId, l.LineNumber, l.ProcedureCode, l.Modifiers, l.ChargeAmount, l.PaidAmount, l.Units, l.AllowedAmount, l.ServiceDate })
                .ToListAsync(ct);
            var adjustments = (await db.Adjustments.AsNoTracking()
                    .Where(a => a.ClaimPaymentId >= first && a.ClaimPaymentId <= last && a.ServiceLineId != null && (a.IsDenial || a.GroupCode == "CO"))
                    .Select(a => new { a.ServiceLineId, a.IsDenial, a.Amount }).ToListAsync(ct))
                .ToLookup(a => a.ServiceLineId!.Value);
            yield return lines.Where(l => dates.ContainsKey(l.ClaimPaymentId)).Select(l =>
            {
                var own = adjustments[l.Id];
                var denied = own.Where(a => a.IsDenial).Sum(a => a.Amount);
                var contractual = own.Where(a => !a.IsDenial).Sum(a => a.Amount);
                return new PaidLine(l.ClaimPaymentId, l.LineNumber, l.ProcedureCode, l.Modifiers, l.ChargeAmount, l.PaidAmount, l.Units,
                    l.AllowedAmount, contractual, l.PaidAmount == 0 && denied > 0, l.ServiceDate ?? dates[l.ClaimPaymentId]);
            }).ToList();
        }
    }
}
