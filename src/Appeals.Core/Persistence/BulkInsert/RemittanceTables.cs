using System.Data.Common;
using Appeals.Core.Denials;
using Appeals.Core.Remittances;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Appeals.Core.Persistence.BulkInsert;

/// <summary>
/// The bulk writer of one remittance and its denial cases: assigns ids (max id read once per
/// transaction, under the write lock), fills the foreign keys, and inserts table by table.
/// </summary>
internal sealed class RemittanceTables : IDisposable
{
    private readonly AppealsDbContext _db;
    // Each table's inserter is made when the import first writes to that table, not up front: making one compiles a binder
    // per column (about 230 in all), a fixed cost that an import finding every file already imported, or a file that opens
    // no cases, never needs (ADR 0156).
    private IRowInserter<Payer>? _payers;
    private IRowInserter<Remittance>? _remittances;
    private IRowInserter<ClaimPayment>? _claims;
    private IRowInserter<ServiceLine>? _lines;
    private IRowInserter<Adjustment>? _adjustments;
    private IRowInserter<RemarkCode>? _remarks;
    private IRowInserter<ProviderAdjustment>? _providerAdjustments;
    private IRowInserter<DenialCase>? _cases;
    private readonly List<ServiceLine> _lineRows = [];
    private readonly List<Adjustment> _adjustmentRows = [];
    private readonly List<RemarkCode> _remarkRows = [];

    public RemittanceTables(AppealsDbContext db)
    {
        // The bulk writers seal claims with the protector's data key: its row goes in first, before any transaction (ADR 0071).
        db.Phi?.Keys.EnsureStored(db);
        _db = db;
    }

    /// <summary>The tables whose inserters have been made so far (tests: what an import that wrote nothing made).</summary>
    internal int InsertersMade => new object?[] { _payers, _remittances, _claims, _lines, _adjustments, _remarks, _providerAdjustments, _cases }.Count(i => i is not null);

    /// <summary>The provider's bulk inserter of <typeparamref name="T"/> rows on <paramref name="db"/>'s connection.</summary>
    internal static IRowInserter<T> InserterFor<T>(AppealsDbContext db) where T : class
    {
        var connection = db.Database.GetDbConnection();
        var entity = db.Model.FindEntityType(typeof(T))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        return connection switch
        {
            SqliteConnection sqlite => new SqliteRowInserter<T>(sqlite, entity, sql),
            Npgsql.NpgsqlConnection postgres => new PostgreSqlRowInserter<T>(postgres, entity, sql),
            _ => new TableInserter<T>(connection, entity, sql, db.Database.IsSqlServer()),
        };
    }

    public long AddPayer(Payer payer, DbTransaction tx)
    {
        payer.Id = Reserve(ref _payers, 1, tx).Next();
        Insert(ref _payers, [payer], tx);
        return payer.Id;
    }

    /// <summary>Gives the remittance and everything under it ids and foreign keys (before reversal linking and case building).</summary>
    public void AssignIds(Remittance r, long importedFileId, long payerId, DbTransaction tx)
    {
        r.Id = Reserve(ref _remittances, 1, tx).Next();
        r.ImportedFileId = importedFileId;
        r.PayerId = payerId;
        AssignClaimIds(r, tx);
    }

    /// <summary>
    /// Gives the claims and provider adjustments of <paramref name="r"/> (a whole remittance, or a part of one whose ids
    /// are set, ADR 0090) ids and foreign keys, after those already in the database transaction.
    /// </summary>
    public void AssignClaimIds(Remittance r, DbTransaction tx)
    {
        int lines = 0, adjustments = 0, remarks = 0;
        foreach (var claim in r.Claims)
        {
            lines += claim.ServiceLines.Count;
            adjustments += claim.Adjustments.Count;
            remarks += claim.RemarkCodes.Count;
        }
        IdBlock claimId = Reserve(ref _claims, r.Claims.Count, tx), lineId = Reserve(ref _lines, lines, tx);
        IdBlock adjustmentId = Reserve(ref _adjustments, adjustments, tx), remarkId = Reserve(ref _remarks, remarks, tx);
        IdBlock plbId = Reserve(ref _providerAdjustments, r.ProviderAdjustments.Count, tx);
        _lineRows.Clear();
        _adjustmentRows.Clear();
        _remarkRows.Clear();
        foreach (var claim in r.Claims)
        {
            claim.Id = claimId.Next();
            claim.RemittanceId = r.Id;
            foreach (var line in claim.ServiceLines)
            {
                line.Id = lineId.Next();
                line.ClaimPaymentId = claim.Id;
                _lineRows.Add(line);
            }
            foreach (var a in claim.Adjustments)
            {
                a.Id = adjustmentId.Next();
                a.ClaimPaymentId = claim.Id;
                a.ServiceLineId = a.ServiceLine?.Id;
                _adjustmentRows.Add(a);
            }
            foreach (var m in claim.RemarkCodes)
            {
                m.Id = remarkId.Next();
                m.ClaimPaymentId = claim.Id;
                m.ServiceLineId = m.ServiceLine?.Id;
                _remarkRows.Add(m);
            }
        }
        foreach (var p in r.ProviderAdjustments)
        {
            p.Id = plbId.Next();
            p.RemittanceId = r.Id;
        }
    }

    /// <summary>Gives the cases their ids (before they are prepared and inserted): without gaps on SQLite and SQL Server.</summary>
    public void NumberCases(IReadOnlyList<DenialCase> cases, DbTransaction tx)
    {
        var caseId = Reserve(ref _cases, cases.Count, tx);
        foreach (var c in cases) c.Id = caseId.Next();
    }

    /// <summary>Inserts the remittance's own row only (ids assigned).</summary>
    public void InsertHeader(Remittance r, DbTransaction tx) => Insert(ref _remittances, [r], tx);

    /// <summary>
    /// Inserts the claims and provider adjustments of <paramref name="r"/> (ids assigned by <see cref="AssignClaimIds"/>) and
    /// everything under them but their cases; the claims' PHI from <paramref name="sealedPhi"/> when given.
    /// </summary>
    public void InsertClaims(Remittance r, DbTransaction tx, Privacy.SealedClaimPhi? sealedPhi = null)
    {
        Insert(ref _claims, r.Claims, tx, sealedPhi);
        Insert(ref _lines, _lineRows, tx);
        Insert(ref _adjustments, _adjustmentRows, tx);
        Insert(ref _remarks, _remarkRows, tx);
        Insert(ref _providerAdjustments, r.ProviderAdjustments, tx);
    }

    /// <summary>Inserts denial cases (ids assigned by <see cref="NumberCases"/>).</summary>
    public void InsertCases(IReadOnlyList<DenialCase> cases, DbTransaction tx) => Insert(ref _cases, cases, tx);

    // No rows, no inserter: ids for none are none on every provider (no MAX(Id) to read, no sequence to call), and
    // inserting none writes nothing, so a table the import does not write to never gets its inserter made.
    private IdBlock Reserve<T>(ref IRowInserter<T>? inserter, int count, DbTransaction tx) where T : class =>
        count == 0 ? IdBlock.Of([]) : (inserter ??= InserterFor<T>(_db)).Reserve(count, tx);

    private void Insert<T>(ref IRowInserter<T>? inserter, IReadOnlyList<T> rows, DbTransaction tx, Privacy.SealedClaimPhi? sealedPhi = null) where T : class
    {
        if (rows.Count > 0) (inserter ??= InserterFor<T>(_db)).Insert(rows, tx, sealedPhi);
    }

    public void Dispose()
    {
        _payers?.Dispose();
        _remittances?.Dispose();
        _claims?.Dispose();
        _lines?.Dispose();
        _adjustments?.Dispose();
        _remarks?.Dispose();
        _providerAdjustments?.Dispose();
        _cases?.Dispose();
    }
}
