using Appeals.Core.History;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.ML.History;

/// <summary>What `appeals history import` did.</summary>
public sealed record HistoryImportSummary(int Rows, int Added, int AlreadyStored);

/// <summary>
/// Stores past outcomes from a history CSV. The file is read (and refused whole on a bad row) before anything
/// is written; rows whose denial id is already stored are skipped, so importing twice adds nothing.
/// </summary>
public sealed class HistoryImporter(AppealsDbContext db, TimeProvider time)
{
    public const int BatchSize = 2000;

    public async Task<HistoryImportSummary> ImportAsync(string path, CancellationToken ct = default)
    {
        var rows = HistoryCsv.Read(path, requireOutcome: true);
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var batch in rows.Chunk(BatchSize))
        {
            var ids = batch.Select(r => r.DenialId).ToList();
            var stored = (await db.HistoricalDenials.Where(h => ids.Contains(h.DenialId)).Select(h => h.DenialId).ToListAsync(ct)).ToHashSet();
            var fresh = batch.Where(r => !stored.Contains(r.DenialId)).Select(r => ToEntity(r, now)).ToList();
            db.HistoricalDenials.AddRange(fresh);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            added += fresh.Count;
        }
        return new HistoryImportSummary(rows.Count, added, rows.Count - added);
    }

    private static HistoricalDenial ToEntity(HistoryRecord r, DateTimeOffset now) => new()
    {
        DenialId = r.DenialId, PayerIdentifier = r.PayerId, PayerType = r.PayerType, GroupCode = r.GroupCode, Carc = r.Carc,
        Rarcs = string.Join(';', r.Rarcs), ProcedureCode = r.ProcedureCode, ProviderId = r.ProviderId, PlaceOfService = r.PlaceOfService,
        BilledAmount = r.BilledAmount, DeniedAmount = r.DeniedAmount, ServiceDate = r.ServiceDate, RemitDate = r.RemitDate,
        Recovered = r.Label, RecoveredAmount = r.RecoveredAmount ?? 0, ImportedAt = now,
    };
}
