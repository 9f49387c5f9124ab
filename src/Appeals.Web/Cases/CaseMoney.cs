using Appeals.Core.Contracts;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Core.TakeBacks;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Cases;

/// <summary>
/// The case page's money against the contract (issue 16): each paid line's variance, or why there is none, and the
/// take-backs of the claim. Computed when the page is shown from the payer's stored rates, so a contract loaded after
/// the import still shows here.
/// </summary>
public sealed record CaseMoney(IReadOnlyList<LineVariance> Lines, string? NoVariance, IReadOnlyList<TakeBack> TakeBacks)
{
    public decimal Shortfall => Lines.Sum(l => l.Shortfall);

    public static async Task<CaseMoney> LoadAsync(AppealsDbContext db, DenialCase denial, CancellationToken ct)
    {
        var claim = denial.ClaimPayment!;
        var takeBacks = await db.TakeBacks.AsNoTracking()
            .Where(t => t.DenialCaseId == denial.Id || t.ClaimPaymentId == denial.ClaimPaymentId).OrderBy(t => t.Id).ToListAsync(ct);
        var payer = denial.Payer!;
        var schedule = await ContractSchedule.LoadAsync(db, payer, ct);
        var lines = PaidLine.Of(claim).Select(l => LineVariance.Of(l, schedule)).ToList();
        var none = schedule is null ? $"No variance: {payer.Name} has no contract loaded (Admin → Contracts)."
            : claim.StatusCode is 22 or 4 ? "No variance: a reversal or a denied claim is not compared with the contract."
            : null;
        return new CaseMoney(none is null ? lines : [], none, takeBacks);
    }
}
