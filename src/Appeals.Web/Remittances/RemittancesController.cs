using Appeals.Core.Persistence;
using Appeals.Web.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Remittances;

/// <summary>One row of the remittance list.</summary>
public sealed record RemittanceRow(long Id, string Payer, string TraceNumber, DateOnly? PaymentDate, decimal Amount, int Claims, int Denials);

/// <summary>The imported remittances (ERAs), newest payment first.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Appeals.Web.Identity.AppealsPolicies.WorkCases)]
public sealed class RemittancesController(AppealsDbContext db) : Controller
{
    [HttpGet("/Remittances")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default)
    {
        var total = await db.Remittances.CountAsync(ct);
        var number = Page<RemittanceRow>.Clamp(page, total);
        var rows = await db.Remittances.AsNoTracking()
            .OrderByDescending(r => r.PaymentDate).ThenByDescending(r => r.Id)
            .Skip((number - 1) * Page<RemittanceRow>.DefaultSize).Take(Page<RemittanceRow>.DefaultSize)
            .Select(r => new RemittanceRow(r.Id, r.Payer!.Name, r.TraceNumber, r.PaymentDate, r.PaymentAmount,
                r.Claims.Count, db.DenialCases.Count(d => d.ClaimPayment!.RemittanceId == r.Id)))
            .ToListAsync(ct);
        return View(new Page<RemittanceRow>(rows, number, Page<RemittanceRow>.DefaultSize, total));
    }
}
