using System.Globalization;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Underpayments;

/// <summary>
/// The chance of recovering an underpayment, per payer: the payer's closed underpayment cases that were recovered (fully or
/// partly), blended with <see cref="UnderpaymentOptions.BaseRecoveryRate"/> counted as <see cref="UnderpaymentOptions.BaseRateWeight"/>
/// cases, so a payer without outcomes gets the base rate and one with many gets its own. The recovery model is trained on
/// denials (CARC features) and says nothing about short payments, so it is not asked.
/// </summary>
internal sealed class UnderpaymentScoring(Dictionary<long, (int Closed, int Recovered)> outcomes, double baseRate, int weight)
{
    public const string Source = "base-rate";

    public static async Task<UnderpaymentScoring> LoadAsync(AppealsDbContext db, UnderpaymentOptions options, CancellationToken ct)
    {
        var closed = DenialCaseStatus.All.Where(s => s.IsClosed).ToList();
        var rows = await db.DenialCases.AsNoTracking()
            .Where(c => c.Kind == CaseKinds.Underpayment && closed.Contains(c.Status))
            .GroupBy(c => c.PayerId)
            .Select(g => new { PayerId = g.Key, Closed = g.Count(), Recovered = g.Count(c => c.Status == DenialCaseStatus.Recovered || c.Status == DenialCaseStatus.PartiallyRecovered) })
            .ToListAsync(ct);
        return new UnderpaymentScoring(rows.ToDictionary(r => r.PayerId, r => (r.Closed, r.Recovered)), options.BaseRecoveryRate, Math.Max(0, options.BaseRateWeight));
    }

    public (double Probability, string Explanation) For(long payerId)
    {
        var (closedCases, recovered) = outcomes.GetValueOrDefault(payerId);
        var p = closedCases + weight == 0 ? baseRate : (recovered + baseRate * weight) / (closedCases + weight);
        var why = closedCases == 0
            ? string.Create(CultureInfo.InvariantCulture, $"base rate {baseRate * 100:0.#}%: no closed underpayment cases with this payer yet")
            : string.Create(CultureInfo.InvariantCulture, $"{recovered} of {closedCases} closed underpayment cases with this payer recovered, blended with the base rate {baseRate * 100:0.#}%");
        return (p, why);
    }
}
