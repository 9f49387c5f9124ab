using System.Linq.Expressions;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Outcomes;

/// <summary>
/// Which claim identifiers are worth matching on (ADR 0075). Some payers send a constant payer claim number
/// ("0", an internal batch number) and some billing systems a constant patient control number: matching on
/// such a value would tie every claim that carries it to every denial that does, and cost a query that grows
/// with the database. A value that is empty, all zeros, or shared by more than <see cref="MaxClaimsPerKey"/>
/// stored claims is not used; matching falls back to the next key, and the import warns once, naming it.
/// </summary>
/// <remarks>
/// Holds what it learned for its lifetime (one import run): a common value is counted once, and each
/// remittance's other values are counted again (a count stops being cheap only past the limit, where the
/// value is remembered and never counted again).
/// </remarks>
public sealed class ClaimMatchKeys(int maxClaimsPerKey = ClaimMatchKeys.DefaultMaxClaimsPerKey)
{
    public const int DefaultMaxClaimsPerKey = 10;

    /// <summary>One remittance may carry a claim, its reversal and the corrected claim under one number; more is a batch number.</summary>
    public const int MaxClaimsPerKeyInOneRemittance = 3;

    /// <summary>The most stored claims that may share a value before it no longer identifies a claim.</summary>
    public int MaxClaimsPerKey { get; } = maxClaimsPerKey;

    private readonly HashSet<string> _commonNumbers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _commonAccounts = new(StringComparer.Ordinal);

    /// <summary>True when a payer claim number (CLP07, or the REF*F8 that names one) can identify a claim.</summary>
    public bool UsableNumber(string number) => Meaningful(number) && !_commonNumbers.Contains(number);

    /// <summary>True when a patient control number (CLP01) can identify a claim, with its payer and service date.</summary>
    public bool UsableAccount(string account) => Meaningful(account) && !_commonAccounts.Contains(account);

    /// <summary>
    /// Counts the stored claims that share each of these (just stored) claims' values, sets aside those past the limit
    /// (warning once each), and returns the usable values that other stored claims carry too: only those can lead to
    /// another claim or case, so a remittance of new claims needs no further lookups.
    /// </summary>
    public async Task<SharedKeys> ScreenAsync(AppealsDbContext db, IReadOnlyCollection<ClaimKey> claims, Action<string> warn, CancellationToken ct)
    {
        foreach (var zero in claims.Select(c => c.Number).Where(n => n.Length > 0 && !Meaningful(n)).Distinct())
            if (_commonNumbers.Add(zero))
                warn($"Payer claim number (CLP07) \"{zero}\" identifies no claim: later remittances are matched to these denials by patient control number, payer and service date instead.");
        SetAsideRepeated(claims.GroupBy(c => c.Number).Where(g => g.Count() > MaxClaimsPerKeyInOneRemittance).Select(g => g.Key), warn);

        // Only counts past one can matter for values the remittance's own claims carry (each is stored, so a count of one is
        // that claim: neither common nor shared): the database returns no row for the others, a first import's almost all.
        // A value that only a REF*F8 of the remittance names is counted from zero, so every count comes back (ADR 0144).
        var ownNumbers = claims.Select(c => c.Number).Where(UsableNumber).CountBy(n => n, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var numberCounts = await CountsAsync(db, ownNumbers.Keys, c => c.PayerClaimControlNumber, moreThan: 1, ct);
        var originals = claims.Select(c => c.Original).Where(o => UsableNumber(o) && !ownNumbers.ContainsKey(o)).Distinct();
        numberCounts.AddRange(await CountsAsync(db, originals, c => c.PayerClaimControlNumber, moreThan: 0, ct));
        var numbers = Shared(numberCounts, ownNumbers, _commonNumbers, warn,
            value => $"Payer claim number (CLP07) \"{value}\" is shared by more than {MaxClaimsPerKey} claims: later remittances are matched to these denials by patient control number, payer and service date instead.");

        var ownAccounts = claims.Select(c => c.Account).Where(UsableAccount).CountBy(a => a, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        var accountCounts = await CountsAsync(db, ownAccounts.Keys, c => c.PatientControlNumber, moreThan: 1, ct);
        var accounts = Shared(accountCounts, ownAccounts, _commonAccounts, warn,
            value => $"Patient control number (CLP01) \"{value}\" is shared by more than {MaxClaimsPerKey} claims: later remittances are not matched to these denials by it.");
        return new SharedKeys(numbers, accounts)
        {
            OwnNumbers = ownNumbers.Keys.ToHashSet(StringComparer.Ordinal),
            CarriedNumbers = numberCounts.Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            CarriedAccounts = accountCounts.Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>How many stored claims carry each of <paramref name="values"/> in <paramref name="column"/>, for the values carried by more than <paramref name="moreThan"/>.</summary>
    /// <remarks>
    /// The rows are a class, not a struct (they were <c>KeyValuePair&lt;string, int&gt;</c>): generic code over a class is shared
    /// and precompiled with the CLI (ReadyToRun), but EF's query enumerator, <c>ToListAsync</c> and <see cref="QueryChunk"/> over
    /// that struct were not, so each import process compiled about 57 methods for them on its first remittance.
    /// </remarks>
    private static Task<List<KeyCount>> CountsAsync(AppealsDbContext db, IEnumerable<string> values,
        Expression<Func<ClaimPayment, string>> column, int moreThan, CancellationToken ct) =>
        QueryChunk.ReadAsync(values, chunk => db.ClaimPayments.Select(column).Where(v => EF.Parameter(chunk).Contains(v))
            .GroupBy(v => v).Where(g => g.Count() > moreThan).Select(g => new KeyCount(g.Key, g.Count())), ct);

    /// <summary>How many stored claims carry a value.</summary>
    private sealed record KeyCount(string Value, int Count);

    /// <summary>
    /// Sets aside the payer claim numbers repeated on more than <see cref="MaxClaimsPerKeyInOneRemittance"/> claims of a
    /// stored remittance, counted in the database: a remittance written in parts is then screened in chunks of claims
    /// (ADR 0090) as if whole.
    /// </summary>
    public async Task ScreenRepeatedAsync(AppealsDbContext db, long remittanceId, Action<string> warn, CancellationToken ct) =>
        SetAsideRepeated(await db.ClaimPayments.Where(c => c.RemittanceId == remittanceId).GroupBy(c => c.PayerClaimControlNumber)
            .Where(g => g.Count() > MaxClaimsPerKeyInOneRemittance).Select(g => g.Key).ToListAsync(ct), warn);

    private void SetAsideRepeated(IEnumerable<string> repeated, Action<string> warn)
    {
        foreach (var number in repeated.Where(UsableNumber))
            if (_commonNumbers.Add(number))
                warn($"Payer claim number (CLP07) \"{number}\" is on more than {MaxClaimsPerKeyInOneRemittance} claims of one remittance: later remittances are matched to these denials by patient control number, payer and service date instead.");
    }

    /// <summary>
    /// From the stored claims' count of each value: those past the limit are set aside as common (warned once each); of
    /// the rest, those that more stored claims carry than the remittance's own (<paramref name="own"/>) are shared.
    /// </summary>
    private HashSet<string> Shared(List<KeyCount> counts, Dictionary<string, int> own, HashSet<string> common,
        Action<string> warn, Func<string, string> warning)
    {
        var shared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (value, count) in counts)
        {
            if (count > MaxClaimsPerKey)
            {
                if (common.Add(value)) warn(warning(value));
            }
            else if (count > own.GetValueOrDefault(value)) shared.Add(value);
        }
        return shared;
    }

    /// <summary>False for an empty or all-zero value ("0", "000"): some payers send it for every claim.</summary>
    internal static bool Meaningful(string value) => value.AsSpan().Trim().ContainsAnyExcept('0');
}

/// <summary>A remittance's usable payer claim numbers (CLP07, or named by REF*F8) and patient control numbers that other stored claims carry too.</summary>
public sealed record SharedKeys(IReadOnlySet<string> Numbers, IReadOnlySet<string> Accounts)
{
    /// <summary>The usable payer claim numbers (CLP07) of the remittance's own claims.</summary>
    public IReadOnlySet<string> OwnNumbers { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The screened payer claim numbers that the database says another stored claim carries too: of those of the remittance's
    /// own claims, those on more than one stored claim; of those only a REF*F8 of the remittance names, those on any.
    /// </summary>
    public IReadOnlySet<string> CarriedNumbers { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The remittance's usable patient control numbers (CLP01) that more than one stored claim carries.</summary>
    public IReadOnlySet<string> CarriedAccounts { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// True when no stored claim but this one (of the remittance) carries its usable CLP07 or CLP01, nor as CLP07 the usable
    /// number its REF*F8 names. Exact only where the database compares text as ordinal (SQLite, PostgreSQL's deterministic
    /// collations): a case-insensitive collation groups values under one of their spellings.
    /// </summary>
    public bool NoOtherClaimCarries(ClaimKey claim, ClaimMatchKeys keys) =>
        (!keys.UsableNumber(claim.Number) || !CarriedNumbers.Contains(claim.Number))
        && (!keys.UsableNumber(claim.Original) || claim.Original == claim.Number
            || !OwnNumbers.Contains(claim.Original) && !CarriedNumbers.Contains(claim.Original))
        && (!keys.UsableAccount(claim.Account) || !CarriedAccounts.Contains(claim.Account));
}

/// <summary>The identifiers of one stored claim payment that later remittances are matched by.</summary>
public sealed record ClaimKey(long Id, long RemittanceId, string Number, string Original, string Account, DateOnly? ServiceDateFrom)
{
    /// <summary>The projection a query reads a stored claim's keys with (no other column, never the encrypted patient).</summary>
    public static readonly Expression<Func<ClaimPayment, ClaimKey>> Of = c =>
        new ClaimKey(c.Id, c.RemittanceId, c.PayerClaimControlNumber, c.OriginalReferenceNumber, c.PatientControlNumber, c.ServiceDateFrom);

    private static readonly Func<ClaimPayment, ClaimKey> OfClaim = Of.Compile();

    /// <summary>The keys of a claim the importer holds in memory, as <see cref="Of"/> reads them.</summary>
    public static ClaimKey From(ClaimPayment claim) => OfClaim(claim);
}
