using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Outcomes;

/// <summary>
/// The stored denial cases that carry any of some payer claim numbers (CLP07) or patient control numbers (CLP01), read in
/// full with one statement per thousand values. A later ERA's cases are found this way, and the same rows are what
/// re-denial linking looks up by those values and what the outcome write starts from: they are read once, not three times.
/// </summary>
internal sealed class CasesByKey
{
    private readonly Dictionary<long, DenialCase> _rows = [];
    private readonly HashSet<long> _byNumber = [];

    /// <summary>Every stored case that carries one of these numbers (compared as stored: all rows with an equal value).</summary>
    public HashSet<string> Numbers { get; } = new(StringComparer.Ordinal);

    /// <summary>Every stored case that carries one of these accounts.</summary>
    public HashSet<string> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>The rows read, by case id.</summary>
    public IReadOnlyDictionary<long, DenialCase> Rows => _rows;

    /// <summary>The cases the database matched by one of <see cref="Numbers"/> (by its own collation, as a query by number would).</summary>
    public IEnumerable<DenialCase> MatchedByNumber => _byNumber.Select(id => _rows[id]);

    /// <summary>The cases the database matched by one of <see cref="Accounts"/> only.</summary>
    public IEnumerable<DenialCase> MatchedByAccountOnly => _rows.Values.Where(c => !_byNumber.Contains(c.Id));

    public static async Task<CasesByKey> ReadAsync(AppealsDbContext db, List<string> numbers, List<string> accounts, CancellationToken ct)
    {
        var read = new CasesByKey();
        read.Numbers.UnionWith(numbers);
        read.Accounts.UnionWith(accounts);
        // One statement for both keys (an OR of two index searches): a later ERA's case carries both, and was read twice.
        // Whether the number matched is asked of the database, so that a collation that compares text loosely (SQL Server's)
        // decides as it did when each key had its own statement.
        var rows = await QueryChunk.ReadAsync(numbers, accounts, (n, a) => db.DenialCases.AsNoTracking()
            .Where(c => EF.Parameter(n).Contains(c.PayerClaimControlNumber) || EF.Parameter(a).Contains(c.PatientControlNumber))
            .Select(c => new { Case = c, ByNumber = EF.Parameter(n).Contains(c.PayerClaimControlNumber) }), ct);
        foreach (var row in rows)
        {
            read._rows.TryAdd(row.Case.Id, row.Case);
            if (row.ByNumber) read._byNumber.Add(row.Case.Id);
        }
        return read;
    }
}
