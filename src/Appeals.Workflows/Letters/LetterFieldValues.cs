using System.Globalization;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Microsoft.EntityFrameworkCore;
using static Appeals.Core.Formatting.MoneyFormat;
using static Appeals.Workflows.Letters.LetterFields;

namespace Appeals.Workflows.Letters;

/// <summary>
/// The values of a case's letter: facts from the case, its claim and remittance; the appellant from
/// configuration (<c>Letters:Fields:*</c>); the argument and evidence from the specialist. What nobody
/// supplied stays missing, and rendering then names it.
/// </summary>
public static class LetterFieldValues
{
    // The app runs with invariant globalization: its month names are English (money is MoneyFormat's US dollars).
    private static readonly CultureInfo Us = CultureInfo.InvariantCulture;

    public static async Task<Dictionary<string, string>> ForCaseAsync(AppealsDbContext db, DenialCase denial,
        IReadOnlyDictionary<string, string> configured, IReadOnlyDictionary<string, string> entered, DateOnly today, CancellationToken ct)
    {
        var claim = await db.ClaimPayments.AsNoTracking()
            .Include(c => c.Remittance).ThenInclude(r => r!.Payer)
            .Include(c => c.ServiceLines).Include(c => c.Adjustments).Include(c => c.RemarkCodes)
            .AsSplitQuery()
            .FirstAsync(c => c.Id == denial.ClaimPaymentId, ct);
        var payer = claim.Remittance?.Payer ?? denial.Payer;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in configured) values[key] = value;

        values[LetterDate] = Date(today);
        values[PayerName] = payer?.Name ?? "";
        values[PracticeName] = values.GetValueOrDefault(PracticeName) is { Length: > 0 } practice ? practice : claim.Remittance?.PayeeName ?? "";
        values[ProviderNpi] = claim.RenderingProviderId.Length > 0 ? claim.RenderingProviderId : claim.Remittance?.PayeeIdentifier ?? "";
        values[PatientName] = $"{claim.PatientFirstName} {claim.PatientLastName}".Trim();
        values[MemberId] = claim.MemberId;
        if (payer?.PayerType == PayerTypes.Medicare) values[MedicareNumber] = claim.MemberId;
        values[ClaimNumber] = claim.PayerClaimControlNumber;
        values[PatientAccountNumber] = claim.PatientControlNumber;
        values[DenialDate] = Date(denial.DenialDate);
        values[InitialDeterminationDate] = Date(denial.DenialDate);
        values[ServiceDates] = ServiceDatesOf(claim);
        values[ServicesAppealed] = ServicesOf(claim) is { Length: > 0 } services
            ? services
            : $"{(denial.ProcedureCode.Length > 0 ? denial.ProcedureCode : "Claim")} {Money(denial.DeniedAmount)}";
        values[BilledAmount] = Money(denial.BilledAmount);
        values[DeniedAmount] = Money(denial.DeniedAmount);
        values[DenialReason] = ReasonOf(claim, denial);
        values[AppealLevel] = denial.AppealLevel <= 0 ? "Corrected claim / reopening" : $"Level {denial.AppealLevel}";
        // The case's basis names our rule book, its citation and source: internal, never written to the payer.
        // A template an admin uploaded with {{DeadlineBasis}} gets the date the payer's window closes.
        if (denial.AppealDeadline is { } deadline) values[DeadlineBasis] = $"The appeal window closes {Date(deadline)}";
        if (!values.ContainsKey(AppellantRelationship)) values[AppellantRelationship] = "Provider of the services";
        if (!values.ContainsKey(ExpeditedRequest)) values[ExpeditedRequest] = "No";

        if (denial.Kind == CaseKinds.Underpayment && payer is not null)
            await Underpayments.UnderpaymentLetterValues.AddAsync(db, claim, payer, values, ct);

        foreach (var (key, value) in entered) values[key] = value;
        return values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
    }

    internal static string Date(DateOnly date) => date.ToString("MMMM d, yyyy", Us);

    private static string ServiceDatesOf(ClaimPayment claim) => (claim.ServiceDateFrom, claim.ServiceDateTo) switch
    {
        ({ } from, { } to) when from != to => $"{Date(from)} to {Date(to)}",
        ({ } from, _) => Date(from),
        (null, { } to) => Date(to),
        _ => "",
    };

    private static string ServicesOf(ClaimPayment claim)
    {
        var denied = claim.ServiceLines.Where(l => claim.Adjustments.Any(a => a.IsDenial && a.ServiceLineId == l.Id)).ToList();
        var lines = denied.Count > 0 ? denied : claim.ServiceLines;
        return string.Join("; ", lines.OrderBy(l => l.LineNumber).Select(l =>
            $"{l.ProcedureCode}{(l.Modifiers.Length > 0 ? "-" + l.Modifiers : "")} × {l.Units.ToString("0.##", Us)} {Money(l.ChargeAmount)}"
            + (l.ServiceDate is { } d ? $" on {Date(d)}" : "")));
    }

    private static string ReasonOf(ClaimPayment claim, DenialCase denial)
    {
        var carcs = claim.Adjustments.Where(a => a.IsDenial).Select(a => $"{a.GroupCode}-{a.Carc}").Distinct().ToList();
        if (carcs.Count == 0) carcs.Add(denial.PrimaryReason);
        var rarcs = claim.RemarkCodes.Select(r => r.Code).Distinct().ToList();
        return $"CARC {string.Join(", ", carcs)}" + (rarcs.Count > 0 ? $"; RARC {string.Join(", ", rarcs)}" : "");
    }
}
