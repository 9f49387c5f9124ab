using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Formatting;

/// <summary>The payers a page's filter offers, by name, as id and name: the queue, dashboard, scorecard and audit pages list the same.</summary>
public static class PayerChoices
{
    public static async Task<IReadOnlyList<(long Id, string Name)>> ListAsync(AppealsDbContext db, CancellationToken ct) =>
        [.. (await db.Payers.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name))];
}
