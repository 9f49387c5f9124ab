using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.ML.History;

/// <summary>
/// Training rows from the database: imported past outcomes plus closed denial cases (their recovered amount is
/// the label). Also turns open cases into rows to score.
/// </summary>
public static class DatabaseHistory
{
    public static async Task<List<HistoryRecord>> LabelledAsync(AppealsDbContext db, CancellationToken ct = default)
    {
        var imported = await db.HistoricalDenials.AsNoTracking().ToListAsync(ct);
        var rows = imported.Select(h => new HistoryRecord
        {
            DenialId = h.DenialId, PayerId = h.PayerIdentifier, PayerType = h.PayerType, GroupCode = h.GroupCode, Carc = h.Carc,
            Rarcs = h.Rarcs.Split(';', StringSplitOptions.RemoveEmptyEntries), ProcedureCode = h.ProcedureCode,
            ProviderId = h.ProviderId, PlaceOfService = h.PlaceOfService, BilledAmount = h.BilledAmount, DeniedAmount = h.DeniedAmount,
            ServiceDate = h.ServiceDate, RemitDate = h.RemitDate, Recovered = h.Recovered, RecoveredAmount = h.RecoveredAmount,
        }).ToList();
        var closed = DenialCaseStatus.All.Where(s => s.IsClosed).ToList();
        var cases = await db.DenialCases.AsNoTracking().Include(c => c.Payer).Where(c => closed.Contains(c.Status)).ToListAsync(ct);
        var remarks = await RemarksAsync(db, cases.Select(c => c.ClaimPaymentId).ToList(), ct);
        rows.AddRange(cases.Select(c => FromCase(c, remarks) with
        {
            Recovered = c.RecoveredAmount > 0,
            RecoveredAmount = c.RecoveredAmount,
            ResolvedDate = c.ClosedAt is { } closedAt ? DateOnly.FromDateTime(closedAt.UtcDateTime) : null,
        }));
        return rows;
    }

    /// <summary>A case as a history row (outcome unknown). The case id, prefixed "case-", is the denial id.</summary>
    public static HistoryRecord FromCase(DenialCase c, IReadOnlyDictionary<long, string[]> remarksByClaim)
    {
        var dash = c.PrimaryReason.IndexOf('-');
        return new HistoryRecord
        {
            DenialId = $"case-{c.Id}",
            PayerId = c.Payer?.Identifier ?? c.PayerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PayerType = c.Payer?.PayerType ?? Core.Remittances.PayerTypes.Other,
            GroupCode = dash > 0 ? c.PrimaryReason[..dash] : "CO",
            Carc = dash > 0 ? c.PrimaryReason[(dash + 1)..] : c.PrimaryReason,
            Rarcs = remarksByClaim.GetValueOrDefault(c.ClaimPaymentId) ?? [],
            ProcedureCode = c.ProcedureCode,
            ProviderId = c.RenderingProviderId,
            BilledAmount = c.BilledAmount,
            DeniedAmount = c.DeniedAmount,
            ServiceDate = c.ServiceDate ?? c.DenialDate,
            RemitDate = c.DenialDate,
        };
    }

    /// <summary>RARCs (qualifier HE) of the given claims.</summary>
    public static async Task<Dictionary<long, string[]>> RemarksAsync(AppealsDbContext db, IReadOnlyCollection<long> claimIds, CancellationToken ct)
    {
        var remarks = await db.RemarkCodes.AsNoTracking()
            .Where(r => claimIds.Contains(r.ClaimPaymentId) && r.Qualifier == "HE")
            .Select(r => new { r.ClaimPaymentId, r.Code }).ToListAsync(ct);
        return remarks.GroupBy(r => r.ClaimPaymentId).ToDictionary(g => g.Key, g => g.Select(r => r.Code).Distinct().ToArray());
    }
}
