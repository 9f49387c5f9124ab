using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Outcomes;

/// <summary>A claim payment that may answer a denial, with what matching and the outcome need of it.</summary>
internal sealed record PaymentCandidate(long Id, long RemittanceId, string Number, string Original, string Account,
    DateOnly? ServiceDateFrom, decimal PaymentAmount, int StatusCode, long PayerId, DateOnly? RemitDate);

/// <summary>
/// The later claim payments that answer a set of denial cases, read with a fixed number of indexed queries
/// however many cases there are: claims that carry a case's payer claim number (CLP07) or name it as the
/// original (REF*F8); for a case with none, or whose number identifies no claim (<see cref="ClaimMatchKeys"/>),
/// claims with the same patient control number (CLP01), payer and first service date. Only payments on
/// remittances dated on or after the denial count.
/// </summary>
internal sealed class LaterPayments
{
    private readonly Dictionary<long, ClaimKey> _own;
    private readonly ILookup<string, PaymentCandidate> _byNumber, _byOriginal, _byAccount;
    private readonly ClaimMatchKeys _keys;

    private LaterPayments(Dictionary<long, ClaimKey> own, ILookup<string, PaymentCandidate> byNumber,
        ILookup<string, PaymentCandidate> byOriginal, ILookup<string, PaymentCandidate> byAccount, ClaimMatchKeys keys)
    {
        (_own, _byNumber, _byOriginal, _byAccount, _keys) = (own, byNumber, byOriginal, byAccount, keys);
    }

    /// <summary>The identifiers of each case's own claim payment, by claim payment id.</summary>
    public IReadOnlyDictionary<long, ClaimKey> Own => _own;

    public static async Task<LaterPayments> LoadAsync(AppealsDbContext db, IReadOnlyCollection<CaseKey> cases, ClaimMatchKeys keys, CancellationToken ct)
    {
        // A case carries its claim's payer claim number (copied when it is opened), so the claims by the cases' numbers are read
        // with the cases' own claims, in one statement: a later ERA's own claim is one of them, and was read twice. The numbers
        // that matching uses are the own claims' (a claim whose number differs from its case's, none today, costs one more).
        var ownIds = cases.Select(c => c.ClaimPaymentId).Distinct().ToList();
        var guessed = cases.Select(c => c.Number).Where(keys.UsableNumber).Distinct().ToList();
        var read = await QueryChunk.ReadAsync(ownIds, guessed, (ids, n) => Candidates(db,
            c => EF.Parameter(ids).Contains(c.Id) || EF.Parameter(n).Contains(c.PayerClaimControlNumber)), ct);
        var ownIdSet = ownIds.ToHashSet();
        var own = read.Where(p => ownIdSet.Contains(p.Id)).DistinctBy(p => p.Id)
            .ToDictionary(p => p.Id, p => new ClaimKey(p.Id, p.RemittanceId, p.Number, p.Original, p.Account, p.ServiceDateFrom));

        var numbers = own.Values.Select(k => k.Number).Where(keys.UsableNumber).Distinct().ToList();
        var guessedSet = guessed.ToHashSet(StringComparer.Ordinal);
        var unguessed = numbers.Where(n => !guessedSet.Contains(n)).ToList();
        // Only each number's own rows are ever looked up (by the own claim's number): a row read for its id alone is not one.
        var byNumber = read.Concat(await CandidatesAsync(db, unguessed, chunk => c => EF.Parameter(chunk).Contains(c.PayerClaimControlNumber), ct))
            .DistinctBy(p => p.Id).ToLookup(p => p.Number);
        var byOriginal = (await CandidatesAsync(db, numbers, chunk => c => EF.Parameter(chunk).Contains(c.OriginalReferenceNumber), ct)).ToLookup(p => p.Original);

        // The fallback key is read only for the cases that the numbers did not answer.
        var accounts = cases.Where(c => own.ContainsKey(c.ClaimPaymentId)
                && ByNumber(own[c.ClaimPaymentId], keys, byNumber, byOriginal).All(p => p.Id == c.ClaimPaymentId))
            .Select(c => own[c.ClaimPaymentId].Account).Where(keys.UsableAccount).Distinct().ToList();
        var byAccount = await CandidatesAsync(db, accounts, chunk => c => EF.Parameter(chunk).Contains(c.PatientControlNumber), ct);

        return new LaterPayments(own, byNumber, byOriginal, byAccount.ToLookup(p => p.Account), keys);
    }

    /// <summary>The case's later payments in id order (empty when its claim is not loaded).</summary>
    public IReadOnlyList<PaymentCandidate> For(CaseKey denial)
    {
        if (!_own.TryGetValue(denial.ClaimPaymentId, out var own)) return [];
        var found = ByNumber(own, _keys, _byNumber, _byOriginal).Where(p => p.Id != denial.ClaimPaymentId).ToList();
        if (found.Count == 0 && _keys.UsableAccount(own.Account))
            found = _byAccount[own.Account]
                .Where(p => p.Id != denial.ClaimPaymentId && p.PayerId == denial.PayerId && p.ServiceDateFrom == own.ServiceDateFrom).ToList();
        return found.Where(p => p.RemitDate is not { } date || date >= denial.DenialDate)
            .DistinctBy(p => p.Id).OrderBy(p => p.Id).ToList();
    }

    private static IEnumerable<PaymentCandidate> ByNumber(ClaimKey own, ClaimMatchKeys keys,
        ILookup<string, PaymentCandidate> byNumber, ILookup<string, PaymentCandidate> byOriginal) =>
        keys.UsableNumber(own.Number) ? byNumber[own.Number].Concat(byOriginal[own.Number]) : [];

    private static Task<List<PaymentCandidate>> CandidatesAsync(AppealsDbContext db, List<string> values,
        Func<string[], System.Linq.Expressions.Expression<Func<Core.Remittances.ClaimPayment, bool>>> match, CancellationToken ct) =>
        QueryChunk.ReadAsync(values, chunk => Candidates(db, match(chunk)), ct);

    private static IQueryable<PaymentCandidate> Candidates(AppealsDbContext db, System.Linq.Expressions.Expression<Func<Core.Remittances.ClaimPayment, bool>> match) =>
        db.ClaimPayments.AsNoTracking().Where(match)
            .Select(c => new PaymentCandidate(c.Id, c.RemittanceId, c.PayerClaimControlNumber, c.OriginalReferenceNumber, c.PatientControlNumber,
                c.ServiceDateFrom, c.PaymentAmount, c.StatusCode, c.Remittance!.PayerId, c.Remittance.PaymentDate ?? c.Remittance.ProductionDate));
}
