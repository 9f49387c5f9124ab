using System.Globalization;
using Appeals.Analytics.Charts;

namespace Appeals.Analytics.Scorecards;

/// <summary>The scorecard as a table: what its page shows and its CSV and XLSX downloads write, as the dashboard's charts do.</summary>
public static class PayerScorecardTable
{
    public static ChartTable Of(IReadOnlyList<PayerScorecardRow> rows) => new("Payer scorecard",
        [new("Payer", ColumnFormat.Text), new("Payer type", ColumnFormat.Text), .. Figures],
        rows.Select(r => (IReadOnlyList<object?>)[r.Payer, r.PayerType, .. FiguresOf(r)]).ToList());

    /// <summary>The scorecard month by month: one row per month and payer, months in order, payers as in <see cref="Of"/>.</summary>
    public static ChartTable ByMonth(IReadOnlyList<PayerScorecardMonth> months) => new("Payer scorecard by month",
        [new("Month", ColumnFormat.Text), new("Payer", ColumnFormat.Text), .. Figures],
        months.SelectMany(m => m.Payers.Select(r => (IReadOnlyList<object?>)[Month(m.Month), r.Payer, .. FiguresOf(r)])).ToList());

    /// <summary>A month as its table and --json show it: yyyy-MM.</summary>
    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static readonly TableColumn[] Figures =
    [
        new("Claims", ColumnFormat.Count), new("Denial cases", ColumnFormat.Count), new("Denied", ColumnFormat.Money),
        new("Denial rate", ColumnFormat.Percent), new("Top root causes", ColumnFormat.Text), new("Appeals decided", ColumnFormat.Count),
        new("Overturn rate", ColumnFormat.Percent), new("Overturn rate by level", ColumnFormat.Text), new("Days denial to resolution", ColumnFormat.Text),
        new("Days denial to recovery", ColumnFormat.Text), new("Days service to payment", ColumnFormat.Text), new("Recovered", ColumnFormat.Money),
        new("Underpayment cases", ColumnFormat.Count), new("Short-paid", ColumnFormat.Money), new("Underpayment rate", ColumnFormat.Percent),
        new("Underpayments recovered", ColumnFormat.Money), new("Take-backs", ColumnFormat.Count), new("Taken back", ColumnFormat.Money),
        new("Unlinked take-backs", ColumnFormat.Count),
    ];

    private static object?[] FiguresOf(PayerScorecardRow r) =>
    [
        r.Claims, r.DenialCases, r.DeniedAmount, r.DenialRate,
        string.Join("; ", r.TopRootCauses.Select(c => $"{c.Category} ({c.Cases})")), r.AppealsDecided, r.OverturnRate,
        string.Join("; ", r.OverturnByLevel.Select(l => FormattableString.Invariant($"L{l.Level} {l.Rate:0.0%} ({l.Overturned}/{l.Decided})"))),
        Days(r.AverageDaysDenialToResolution), Days(r.AverageDaysDenialToRecovery), Days(r.AverageDaysServiceToPayment), r.RecoveredAmount,
        r.UnderpaymentCases, r.UnderpaymentAmount, r.UnderpaymentRate, r.UnderpaymentRecovered, r.TakeBacks, r.TakeBackAmount, r.UnlinkedTakeBacks,
    ];

    private static string? Days(double? days) => days?.ToString("0.0", CultureInfo.InvariantCulture);
}
