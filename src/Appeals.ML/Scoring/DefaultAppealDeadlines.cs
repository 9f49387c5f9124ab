using System.Globalization;
using Appeals.Core.Reference;
using Appeals.Core.Remittances;

namespace Appeals.ML.Scoring;

/// <summary>
/// The first-level appeal deadline by payer type from Reference/appeal_levels.csv, used until the workflow
/// gives a case its own deadline. Where a type has several level-1 rules (Medicaid managed care and FFS),
/// or the type is unknown, the shortest applies: a missed deadline costs more than an early appeal.
/// </summary>
public sealed class DefaultAppealDeadlines
{
    private readonly Dictionary<string, int> _days;
    private readonly int _shortest;

    private DefaultAppealDeadlines(IEnumerable<(string Type, int Days)> rules)
    {
        _days = rules.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Min(r => r.Days));
        _shortest = _days.Values.Min();
    }

    public static DefaultAppealDeadlines Shipped { get; } = new(
        ReferenceData.ReadAll<Row>(ReferenceData.AppealLevels)
            .Where(r => r.Level == "1" && int.TryParse(r.DeadlineDays, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d > 0)
            .Select(r => (PayerTypeOf(r.PayerType), int.Parse(r.DeadlineDays, CultureInfo.InvariantCulture)))
            .Where(r => r.Item1 is not null)
            .Select(r => (r.Item1!, r.Item2)));

    public int DaysFor(string payerType) => _days.GetValueOrDefault(payerType, _shortest);

    /// <summary>The deadline for a denial issued on <paramref name="denialDate"/>.</summary>
    public DateOnly DeadlineFor(string payerType, DateOnly denialDate) => denialDate.AddDays(DaysFor(payerType));

    /// <summary>Rule rows name payer types more finely than the history does (medicare_ffs, commercial_aca...).</summary>
    private static string? PayerTypeOf(string rulePayerType) => rulePayerType switch
    {
        "medicare_ffs" => PayerTypes.Medicare,
        "medicare_advantage" => PayerTypes.MedicareAdvantage,
        "medicaid" => PayerTypes.Medicaid,
        "commercial_aca" => PayerTypes.Commercial,
        _ => null,
    };

    private sealed class Row
    {
        public string PayerType { get; set; } = "";
        public string Level { get; set; } = "";
        public string DeadlineDays { get; set; } = "";
    }
}
