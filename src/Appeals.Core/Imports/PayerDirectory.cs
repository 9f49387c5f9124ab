using System.Data.Common;
using Appeals.Core.Persistence;
using Appeals.Core.Persistence.BulkInsert;
using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Imports;

/// <summary>Payer ids by identifier, cached for the import: a file of a thousand transactions from one payer looks it up once.</summary>
internal sealed class PayerDirectory(AppealsDbContext db, RemittanceTables tables)
{
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);

    public async Task<long> GetOrAddAsync(Remittance remittance, DbTransaction tx, CancellationToken ct)
    {
        var payer = remittance.Payer ?? new Payer { Identifier = "UNKNOWN", Name = "Unknown payer" };
        if (_ids.TryGetValue(payer.Identifier, out var id)) return id;
        var identifier = payer.Identifier;
        id = await db.Payers.AsNoTracking().Where(p => p.Identifier == identifier).Select(p => p.Id).FirstOrDefaultAsync(ct);
        if (id == 0)
        {
            var stored = new Payer
            {
                Identifier = payer.Identifier,
                Name = payer.Name,
                PayerType = payer.PayerType != PayerTypes.Other || remittance.Claims.Count == 0
                    ? payer.PayerType
                    : PayerTypes.FromClaimFilingIndicator(remittance.Claims[0].ClaimFilingIndicator),
            };
            id = tables.AddPayer(stored, tx);
        }
        _ids[identifier] = id;
        return id;
    }

    /// <summary>After a rollback a payer added in that transaction no longer exists.</summary>
    public void Forget() => _ids.Clear();
}
