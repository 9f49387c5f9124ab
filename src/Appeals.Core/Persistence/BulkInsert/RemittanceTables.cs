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
    private readonly IRowInserter<Payer> _payers;
    private readonly IRowInserter<Remittance> _remittances;
    private readonly IRowInserter<ClaimPayment> _claims;
    private readonly IRowInserter<ServiceLine> _lines;
    private readonly IRowInserter<Adjustment> _adjustments;
    private readonly IRowInserter<RemarkCode> _remarks;
    private readonly IRowInserter<ProviderAdjustment> _providerAdjustments;
    private readonly IRowInserter<DenialCase> _cases;
    private readonly List<ServiceLine> _lineRows = [];
    private readonly List<Adjustment> _adjustmentRows = [];
    private readonly List<RemarkCode> _remarkRows = [];

    public RemittanceTables(AppealsDbContext db)
    {
        // The bulk writers seal claims with the protector's data key: its row goes in first, before any transaction (ADR 0071).
        db.Phi?.Keys.EnsureStored(db);
        IRowInserter<T> For<T>() where T : class => InserterFor<T>(db);
        _payers = For<Payer>();
        _remittances = For<Remittance>();
        _claims = For<ClaimPayment>();
        _lines = For<ServiceLine>();
        _adjustments = For<Adjustment>();
        _remarks = For<RemarkCode>();
        _providerAdjustments = For<ProviderAdjustment>();
        _cases = For<DenialCase>();
    }

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
        payer.Id = _payers.Reserve(1, tx).Next();
        _payers.Insert([payer], tx);
        return payer.Id;
    }

    /// <summary>Gives the remittance and everything under it ids and foreign keys (before reversal linking and case building).</summary>
    public void AssignIds(Remittance r, long importedFileId, long payerId, DbTransaction tx)
    {
        r.Id = _remittances.Reserve(1, tx).Next();
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
        IdBlock claimId = _claims.Reserve(r.Claims.Count, tx), lineId = _lines.Reserve(lines, tx), adjustmentId = _adjustments.Reserve(adjustments, tx);
        IdBlock remarkId = _remarks.Reserve(remarks, tx), plbId = _providerAdjustments.Reserve(r.ProviderAdjustments.Count, tx);
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
        var caseId = _cases.Reserve(cases.Count, tx);
        foreach (var c in cases) c.Id = caseId.Next();
    }

    /// <summary>Inserts the remittance's own row only (ids assigned).</summary>
    public void InsertHeader(Remittance r, DbTransaction tx) => _remittances.Insert([r], tx);

    /// <summary>
    /// Inserts the claims and provider adjustments of <paramref name="r"/> (ids assigned by <see cref="AssignClaimIds"/>) and
    /// everything under them but their cases; the claims' PHI from <paramref name="sealedPhi"/> when given.
    /// </summary>
    public void InsertClaims(Remittance r, DbTransaction tx, Privacy.SealedClaimPhi? sealedPhi = null)
    {
        _claims.Insert(r.Claims, tx, sealedPhi);
        _lines.Insert(_lineRows, tx);
        _adjustments.Insert(_adjustmentRows, tx);
        _remarks.Insert(_remarkRows, tx);
        _providerAdjustments.Insert(r.ProviderAdjustments, tx);
    }

    /// <summary>Inserts denial cases (ids assigned by <see cref="NumberCases"/>).</summary>
    public void InsertCases(IReadOnlyList<DenialCase> cases, DbTransaction tx) => _cases.Insert(cases, tx);

    public void Dispose()
    {
        _payers.Dispose();
        _remittances.Dispose();
        _claims.Dispose();
        _lines.Dispose();
        _adjustments.Dispose();
        _remarks.Dispose();
        _providerAdjustments.Dispose();
        _cases.Dispose();
    }
}
