using System.ComponentModel;
using System.Globalization;
using Appeals.Analytics.Scorecards;
using Appeals.Cli.Common;
using Spectre.Console;
using Spectre.Console.Cli;
using static Appeals.Core.Formatting.MoneyFormat;

namespace Appeals.Cli.Reports;

public sealed class ReportPayersSettings : ReportSettings
{
    [CommandOption("--by-month")]
    [Description("Month by month: the scorecard of each calendar month of the range (without --from/--to, the last twelve months with data)")]
    public bool ByMonth { get; init; }
}

/// <summary>
/// `appeals report payers [--from --to --payer] [--by-month] [--json]`: the payer scorecard (docs/kpis.md). --json:
/// <c>{ from, to, payers: [PayerScorecardRow] }</c>, rates as fractions (null when the denominator is zero); with
/// --by-month <c>{ from, to, months: [{ month: "yyyy-MM", payers: [PayerScorecardRow] }] }</c>.
/// </summary>
public sealed class ReportPayersCommand(IAnsiConsole console) : AsyncCommand<ReportPayersSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReportPayersSettings settings, CancellationToken cancellationToken)
    {
        await using var report = await settings.OpenReportAsync(console, cancellationToken);
        if (report is null) return 2;
        var queries = new PayerScorecardQueries(report.Services.Get<Appeals.Core.Persistence.AppealsDbContext>());
        if (settings.ByMonth)
        {
            var months = await queries.ByMonthAsync(report.Filter, cancellationToken);
            if (settings.Json)
            {
                JsonOutput.Write(console, new { from = report.Filter.From, to = report.Filter.To, months = months.Select(m => new { month = PayerScorecardTable.Month(m.Month), payers = m.Payers }) });
                return 0;
            }
            if (months.Count == 0) console.MarkupLine("No claims, cases or take-backs in this range.");
            foreach (var month in months)
            {
                console.MarkupLineInterpolated($"[bold]{PayerScorecardTable.Month(month.Month)}[/]");
                console.Write(Scorecard(month.Payers));
            }
            console.MarkupLine(Definitions);
            return 0;
        }
        var rows = await queries.ForAsync(report.Filter, cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(console, new { from = report.Filter.From, to = report.Filter.To, payers = rows });
            return 0;
        }
        console.Write(Scorecard(rows));
        console.MarkupLine(Definitions);
        return 0;
    }

    private const string Definitions = "Definitions: docs/kpis.md, \"Payer scorecard\".";

    private static Table Scorecard(IReadOnlyList<PayerScorecardRow> rows)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Payer")
            .AddColumns(new[] { "Claims", "Denial rate", "Top root cause", "Overturn rate", "Days to resolve", "Days service to payment", "Underpaid", "Underpayment rate", "Taken back" }
                .Select(h => new TableColumn(h).RightAligned()).ToArray());
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Payer), r.Claims.ToString("N0", CultureInfo.InvariantCulture), Percent(r.DenialRate),
                Markup.Escape(r.TopRootCauses.FirstOrDefault()?.Category ?? "-"), Percent(r.OverturnRate),
                r.AverageDaysDenialToResolution?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-",
                r.AverageDaysServiceToPayment?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-",
                Money(r.UnderpaymentAmount), Percent(r.UnderpaymentRate), $"{Money(r.TakeBackAmount)} ({r.UnlinkedTakeBacks} unlinked)");
        return table;
    }

    private static string Percent(double? value) => value is { } v ? v.ToString("0.0%", CultureInfo.InvariantCulture) : "-";
}
