using System.Globalization;
using System.Text.RegularExpressions;
using Appeals.Core.Reference;
using Appeals.Core.Remittances;

namespace Appeals.Workflows.Deadlines;

/// <summary>
/// The project's own appeal rules, read from Reference/appeal_levels.csv, keyed by the payer types
/// that <see cref="Payer.PayerType"/> uses.
/// </summary>
public static partial class ShippedAppealRules
{
    /// <summary>
    /// Payer.PayerType → the CSV's rule set. "other" has none on purpose: an unknown payer is flagged.
    /// The payer-specific commercial rows (cigna, uhc, aetna) are not a payer type's rule: an admin
    /// enters them as overrides for the payer after checking the contract, as their notes ask.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RuleTypeOfPayerType = new Dictionary<string, string>
    {
        [PayerTypes.Medicare] = "medicare_ffs",
        [PayerTypes.MedicareAdvantage] = "medicare_advantage",
        [PayerTypes.Medicaid] = "medicaid",
        [PayerTypes.Commercial] = "commercial_aca",
    };

    /// <summary>Every row of the CSV, as rules.</summary>
    public static IReadOnlyList<AppealRule> All { get; } =
        ReferenceData.ReadAll<Row>(ReferenceData.AppealLevels).Select(r => r.ToRule()).ToList();

    /// <summary>
    /// The rules of one payer type, one per level. Where the CSV has two rows for a level (Medicaid
    /// level 1: managed-care appeal 60 days, fee-for-service hearing 90 days) the shorter one is kept:
    /// we cannot tell which applies from an 835, and a deadline met early is never missed.
    /// </summary>
    public static IReadOnlyList<AppealRule> ForPayerType(string payerType)
    {
        if (!RuleTypeOfPayerType.TryGetValue(payerType, out var ruleType))
            return [];
        return All.Where(r => r.RuleType == ruleType)
            .GroupBy(r => r.Level)
            .Select(g => g.OrderBy(r => r.ForwardedByPayer ? int.MaxValue : r.DeadlineDays).First())
            .OrderBy(r => r.Level)
            .ToList();
    }

    [GeneratedRegex(@"presumed (\d+) days", RegexOptions.IgnoreCase)]
    private static partial Regex PresumedReceipt();

    [GeneratedRegex(@"calendar months \((\d+)\)", RegexOptions.IgnoreCase)]
    private static partial Regex CalendarMonths();

    private sealed class Row
    {
        public string PayerType { get; set; } = "";
        public int Level { get; set; }
        public string Name { get; set; } = "";
        public int DeadlineDays { get; set; }
        public string ClockStartsFrom { get; set; } = "";
        public string Source { get; set; } = "";
        public string Notes { get; set; } = "";

        public AppealRule ToRule()
        {
            // The CSV states presumed receipt and month-based limits in words; read them from there
            // so that the file stays the single source.
            var presumed = PresumedReceipt().Match(ClockStartsFrom);
            var months = CalendarMonths().Match(Notes);
            return new AppealRule(PayerType, Level, Name, DeadlineDays,
                months.Success ? int.Parse(months.Groups[1].Value, CultureInfo.InvariantCulture) : null,
                presumed.Success ? int.Parse(presumed.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
                ClockStartsFrom, Source, AppealRule.Shipped);
        }
    }
}
