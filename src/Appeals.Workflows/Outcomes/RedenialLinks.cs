using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Outcomes;

/// <summary>
/// Links a re-denial to the earlier denial of the same claim (<see cref="DenialCase.EarlierCaseId"/>):
/// same payer and payer claim number (CLP07), or a later claim whose REF*F8 names the earlier CLP07;
/// when no number matches (or the number identifies no claim, <see cref="ClaimMatchKeys"/>), the same patient
/// control number and service date. Each case points at the latest case before it by denial date (then id),
/// recomputed from what is stored, so the links do not depend on the order in which the ERAs were imported.
/// The cases of a whole remittance are linked with a fixed number of indexed queries.
/// </summary>
internal static class RedenialLinks
{
    private sealed record Other(long Id, long PayerId, string Number, string Account, DateOnly? ServiceDate, DateOnly DenialDate, string Original)
    {
        public static Other From(DenialCase c) => new(c.Id, c.PayerId, c.PayerClaimControlNumber, c.PatientControlNumber, c.ServiceDate, c.DenialDate, "");
    }

    /// <summary>
    /// The cases whose link should change, with the case each should point at (null: none); no case points at one in
    /// <paramref name="passedOver"/> (<see cref="EraOutcomes.PassedOver"/>). The cases by the numbers and accounts that
    /// <paramref name="read"/> holds are taken from it, not read again.
    /// </summary>
    public static async Task<Dictionary<long, long?>> ChangesAsync(AppealsDbContext db, IReadOnlyList<CaseKey> cases, IReadOnlyDictionary<long, ClaimKey> ownClaims,
        ClaimMatchKeys keys, IReadOnlySet<long> passedOver, CasesByKey read, CancellationToken ct)
    {
        string OriginalOf(CaseKey c) => ownClaims.TryGetValue(c.ClaimPaymentId, out var k) ? k.Original : "";
        List<string> NumbersOf(CaseKey c)
        {
            var found = new List<string>(2);
            if (keys.UsableNumber(c.Number)) found.Add(c.Number);
            var original = OriginalOf(c);
            if (original != c.Number && keys.UsableNumber(original)) found.Add(original);
            return found;
        }

        var numbers = cases.SelectMany(NumbersOf).Distinct().ToList();
        var byNumber = await OthersAsync(db, numbers.Where(n => !read.Numbers.Contains(n)).ToList(), chunk => o => EF.Parameter(chunk).Contains(o.PayerClaimControlNumber),
            original: false, passedOver, o => o.Number, read.MatchedByNumber, ct);
        var ownNumbers = cases.Select(c => c.Number).Where(keys.UsableNumber).Distinct().ToList();
        var byOriginal = await OthersAsync(db, ownNumbers, chunk => o => EF.Parameter(chunk).Contains(o.ClaimPayment!.OriginalReferenceNumber), original: true, passedOver,
            o => o.Original, known: [], ct);

        List<Other> SameNumber(CaseKey c)
        {
            var found = NumbersOf(c).SelectMany(n => byNumber[n]).ToList();
            if (keys.UsableNumber(c.Number)) found.AddRange(byOriginal[c.Number]);
            return found.Where(o => o.Id != c.Id && o.PayerId == c.PayerId).ToList();
        }

        // Each case's matches by number, found once: they decide both which accounts are read and the link.
        var sameNumber = cases.Select(SameNumber).ToList();
        var accounts = cases.Where((c, i) => sameNumber[i].Count == 0).Select(c => c.Account).Where(keys.UsableAccount).Distinct().ToList();
        var byAccount = await OthersAsync(db, accounts.Where(a => !read.Accounts.Contains(a)).ToList(), chunk => o => EF.Parameter(chunk).Contains(o.PatientControlNumber),
            original: false, passedOver, o => o.Account, read.Rows.Values.Where(c => read.Accounts.Contains(c.PatientControlNumber)), ct);

        var changes = new Dictionary<long, long?>();
        for (var i = 0; i < cases.Count; i++)
        {
            var (denial, same) = (cases[i], sameNumber[i]);
            if (same.Count == 0 && keys.UsableAccount(denial.Account))
                same = byAccount[denial.Account]
                    .Where(o => o.Id != denial.Id && o.PayerId == denial.PayerId && o.ServiceDate == denial.ServiceDate).ToList();
            // The latest before the case by denial date, then id.
            var earlier = same
                .Where(o => o.DenialDate < denial.DenialDate || o.DenialDate == denial.DenialDate && o.Id < denial.Id)
                .MaxBy(o => (o.DenialDate, o.Id))?.Id;
            if (earlier != denial.EarlierCaseId) changes[denial.Id] = earlier;
        }
        return changes;
    }

    /// <summary>
    /// The cases matching <paramref name="match"/>, by <paramref name="key"/>; with <paramref name="original"/>, each with its
    /// claim's REF*F8 (a join to the claim's row: one more random page a case, so only the query that matches on it reads it).
    /// A case in <paramref name="passedOver"/> is left out: it is no case's earlier case. <paramref name="known"/>: the cases
    /// of the values already read, added to those read now.
    /// </summary>
    private static async Task<ILookup<string, Other>> OthersAsync(AppealsDbContext db, List<string> values,
        Func<string[], System.Linq.Expressions.Expression<Func<DenialCase, bool>>> match, bool original, IReadOnlySet<long> passedOver,
        Func<Other, string> key, IEnumerable<DenialCase> known, CancellationToken ct) =>
        (await QueryChunk.ReadAsync(values, chunk => original
            ? db.DenialCases.AsNoTracking().Where(match(chunk))
                .Select(o => new Other(o.Id, o.PayerId, o.PayerClaimControlNumber, o.PatientControlNumber, o.ServiceDate, o.DenialDate,
                    o.ClaimPayment!.OriginalReferenceNumber))
            : db.DenialCases.AsNoTracking().Where(match(chunk))
                .Select(o => new Other(o.Id, o.PayerId, o.PayerClaimControlNumber, o.PatientControlNumber, o.ServiceDate, o.DenialDate, "")), ct))
        .Concat(known.Select(Other.From)).Where(o => !passedOver.Contains(o.Id)).ToLookup(key);
}
