using Appeals.Core.Denials;
using Appeals.Core.Remittances;

namespace Appeals.Analytics;

/// <summary>
/// What a manager narrows the dashboard to. Every KPI and chart applies the same filter, so the
/// numbers on one page always describe the same denials. Dates are inclusive and compare with the
/// denial date (cases) or the remittance date (adjudicated claims).
/// </summary>
public sealed record AnalyticsFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    long? PayerId = null,
    string? ProviderId = null,
    string? Category = null)
{
    public static AnalyticsFilter None { get; } = new();

    /// <summary>Denial cases inside the filter.</summary>
    public IQueryable<DenialCase> Apply(IQueryable<DenialCase> cases)
    {
        if (From is { } from) cases = cases.Where(c => c.DenialDate >= from);
        if (To is { } to) cases = cases.Where(c => c.DenialDate <= to);
        if (PayerId is { } payer) cases = cases.Where(c => c.PayerId == payer);
        if (!string.IsNullOrEmpty(ProviderId)) cases = cases.Where(c => c.RenderingProviderId == ProviderId);
        if (!string.IsNullOrEmpty(Category)) cases = cases.Where(c => c.Category == Category);
        return cases;
    }

    /// <summary>
    /// Adjudicated claims inside the filter: the denominator of the denial rate. Reversals
    /// (CLP02 = 22) only undo an earlier adjudication, so they are not counted again. The category
    /// filter does not apply: a claim has no category until it is denied, and the rate of one
    /// category is its denials over all adjudicated claims.
    /// </summary>
    public IQueryable<ClaimPayment> Apply(IQueryable<ClaimPayment> claims)
    {
        claims = claims.Where(c => c.StatusCode != ReversalStatusCode);
        if (From is { } from) claims = claims.Where(c => (c.Remittance!.PaymentDate ?? c.Remittance.ProductionDate) >= from);
        if (To is { } to) claims = claims.Where(c => (c.Remittance!.PaymentDate ?? c.Remittance.ProductionDate) <= to);
        if (PayerId is { } payer) claims = claims.Where(c => c.Remittance!.PayerId == payer);
        if (!string.IsNullOrEmpty(ProviderId)) claims = claims.Where(c => c.RenderingProviderId == ProviderId);
        return claims;
    }

    private const int ReversalStatusCode = 22;
}
