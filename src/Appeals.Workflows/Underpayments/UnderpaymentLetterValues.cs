using Appeals.Core.Contracts;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using static Appeals.Core.Formatting.MoneyFormat;
using static Appeals.Workflows.Letters.LetterFields;

namespace Appeals.Workflows.Underpayments;

/// <summary>
/// The facts of an underpayment's payment-dispute letter (issue 16): the contract clause of each short-paid line, the expected
/// (contracted) and actual allowed amounts per line, and the shortfall, priced from the payer's stored contract as the case page
/// shows it. A contract changed since the case opened prices the letter by today's rates; the case keeps the shortfall it
/// opened with.
/// </summary>
internal static class UnderpaymentLetterValues
{
    public static async Task AddAsync(AppealsDbContext db, ClaimPayment claim, Payer payer, Dictionary<string, string> values, CancellationToken ct)
    {
        var schedule = await ContractSchedule.LoadAsync(db, payer, ct);
        var compared = PaidLine.Of(claim).Select(l => LineVariance.Of(l, schedule)).Where(v => v.Rate is not null).OrderBy(v => v.Line.LineNumber).ToList();
        values[AppealLevel] = "Payment dispute (reconsideration of the amount paid)";
        if (compared.Count == 0) return; // the letter then names the contract fields as missing: nothing to dispute by
        var shortPaid = compared.Where(v => v.Shortfall > 0).ToList();
        values[ContractTerms] = string.Join("; ", shortPaid.Select(v => $"line {v.Line.LineNumber}: {v.Clause}").Distinct());
        values[PaymentVariance] = string.Join("; ", shortPaid.Select(v =>
            $"line {v.Line.LineNumber} {v.Line.ProcedureCode}{(v.Line.Modifiers.Length > 0 ? "-" + v.Line.Modifiers : "")}: expected {Money(v.ContractedAllowed)}, "
            + $"allowed {Money(v.ActualAllowed)}, short {Money(v.Shortfall)}"));
        values[ShortfallAmount] = Money(shortPaid.Sum(v => v.Shortfall));
    }
}
