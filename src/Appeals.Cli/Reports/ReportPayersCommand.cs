using System.Globalization;
using Appeals.Analytics.Scorecards;
using Appeals.Cli.Common;
using Spectre.Console;
using Spectre.Console.Cli;
using static Appeals.Core.Formatting.MoneyFormat;

namespace Appeals.Cli.Reports;

/// <summary>
/// `appeals report payers [--from --to --payer] [--json]`: the payer scorecard (docs/kpis.md). --json:
/// <c>{ from, to, payers: [PayerScorecardRow] }</c>, rates as fractions (null when the denominator is zero).
/// </summary>
public sealed class ReportPayersCommand(IAnsiConsole console) : AsyncCommand<ReportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        await using var report = await settings.OpenReportAsync(console, cancellationToken);
        if (report is null) return 2;
        var rows = await new PayerScorecardQueries(report.Services.Get<Appeals.Core.Persistence.AppealsDbContext>()).ForAsync(report.Filter, cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(console, new { from = report.Filter.From, to = report.Filter.To, payers = rows });
            return 0;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Payer")
            .AddColumns(new[] { "Claims", "Denial rate", "Top root cause", "Overturn rate", "Days to resolve", "Days service to payment", "Underpaid", "Underpayment rate", "Taken back" }
                .Select(h => new TableColumn(h).RightAligned()).ToArray());
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Payer), r.Claims.ToString("N0", CultureInfo.InvariantCulture), Percent(r.DenialRate),
                Markup.Escape(r.TopRootCauses.FirstOrDefault()?.Category ?? "-"), Percent(r.OverturnRate),
                r.AverageDaysDenialToResolution?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-",
                r.AverageDaysServiceToPayment?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-",
                Money(r.UnderpaymentAmount), Percent(r.UnderpaymentRate), $"{Money(r.TakeBackAmount)} ({r.UnlinkedTakeBacks} unlinked)");
        console.Write(table);
        console.MarkupLine("Definitions: docs/kpis.md, \"Payer scorecard\".");
        return 0;
    }

    private static string Percent(double? value) => value is { } v ? v.ToString("0.0%", CultureInfo.InvariantCulture) : "-";
}
