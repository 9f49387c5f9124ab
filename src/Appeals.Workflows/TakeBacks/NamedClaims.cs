using Appeals.Core.Persistence;
using Appeals.Core.TakeBacks;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.TakeBacks;

/// <summary>A stored claim a PLB reference names.</summary>
internal sealed record NamedClaim(long Id, string Number, string Account, string Original);

/// <summary>What a reference resolved to: the claim and how, or no claim (unlinked or ambiguous).</summary>
internal sealed record ClaimLink(NamedClaim? Claim, string Link);

/// <summary>
/// Resolves PLB03-2 references to stored claims of the same payer on earlier remittances: by payer claim number first,
/// then by patient control number. Reversals are passed over (they undo a payment, they are not one); of several claims
/// with one number (original, corrected) the latest is the one whose money the payer holds; several different accounts
/// under one reference is ambiguous and links nothing. Two queries at most.
/// </summary>
internal static class NamedClaims
{
    public static async Task<Dictionary<string, ClaimLink>> FindAsync(AppealsDbContext db, long remittanceId, long payerId,
        List<string> references, CancellationToken ct)
    {
        var wanted = references.Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var links = new Dictionary<string, ClaimLink>(StringComparer.Ordinal);
        if (wanted.Count == 0) return links;
        var earlier = db.ClaimPayments.AsNoTracking()
            .Where(c => c.RemittanceId != remittanceId && c.StatusCode != 22 && c.Remittance!.PayerId == payerId);

        var byNumber = await earlier.Where(c => wanted.Contains(c.PayerClaimControlNumber))
            .Select(c => new NamedClaim(c.Id, c.PayerClaimControlNumber, c.PatientControlNumber, c.OriginalReferenceNumber)).ToListAsync(ct);
        Resolve(byNumber.ToLookup(c => c.Number), TakeBackLinks.PayerClaimNumber);

        var rest = wanted.Where(r => !links.ContainsKey(r)).ToList();
        if (rest.Count > 0)
        {
            var byAccount = await earlier.Where(c => rest.Contains(c.PatientControlNumber))
                .Select(c => new NamedClaim(c.Id, c.PayerClaimControlNumber, c.PatientControlNumber, c.OriginalReferenceNumber)).ToListAsync(ct);
            Resolve(byAccount.ToLookup(c => c.Account), TakeBackLinks.PatientControlNumber);
        }
        return links;

        void Resolve(ILookup<string, NamedClaim> found, string how)
        {
            foreach (var group in found)
                links[group.Key] = group.Select(c => c.Account).Distinct().Count() > 1
                    ? new ClaimLink(null, TakeBackLinks.Ambiguous)
                    : new ClaimLink(group.MaxBy(c => c.Id), how);
        }
    }
}
