using System.Globalization;
using Appeals.Analytics.Kpis;
using Appeals.Cli.Common;
using Spectre.Console;
using Spectre.Console.Cli;
using static Appeals.Core.Formatting.MoneyFormat;

namespace Appeals.Cli.Reports;

/// <summary>`appeals report kpis [--from --to --payer --provider --category] [--json]`: the dashboard's KPIs and denial rates.</summary>
public sealed class ReportKpisCommand(IAnsiConsole console) : AsyncCommand<ReportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        await using var report = await settings.OpenReportAsync(console, cancellationToken);
        if (report is null) return 2;
        var filter = report.Filter;
        var summary = await report.Services.Get<KpiQueries>().SummaryAsync(filter, cancellationToken);
        var rates = report.Services.Get<DenialRateQueries>();
        var byDimension = new Dictionary<string, IReadOnlyList<DenialRateRow>>();
        foreach (var dimension in Enum.GetValues<DenialDimension>())
            byDimension[JsonNamingPolicyName(dimension)] = await rates.ByAsync(dimension, filter, cancellationToken);

        if (settings.Json)
        {
            JsonOutput.Write(console, new { kpis = summary, denialRates = byDimension });
            return 0;
        }
        console.Write(KpiTable.Of(summary));
        return 0;
    }

    private static string JsonNamingPolicyName(DenialDimension d) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(d.ToString());
}

/// <summary>The KPIs as a console table, with "no outcomes yet" where a value would mislead.</summary>
internal static class KpiTable
{
    public static Table Of(KpiSummary k)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("KPI").AddColumn(new TableColumn("Value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("Adjudicated claims", $"{k.AdjudicatedClaims:N0} ({Money(k.ChargedAmount)} charged)");
        Row("Denial cases", $"{k.DenialCases:N0} ({Money(k.DeniedAmount)} denied)");
        Row("Initial denial rate (count)", Percent(k.InitialDenialRateByCount));
        Row("Initial denial rate (dollars)", Percent(k.InitialDenialRateByDollars));
        Row("Avoidable share (count)", Percent(k.AvoidableShareByCount));
        Row("Avoidable share (dollars)", Percent(k.AvoidableShareByDollars));
        Row("Recovered", k.RecoveredAmount.Value is { } r ? Money(r) : k.RecoveredAmount.Missing!);
        Row("Written off", k.WrittenOffAmount.Value is { } w ? Money(w) : k.WrittenOffAmount.Missing!);
        Row("Appeal overturn rate (count)", Percent(k.OverturnRateByCount));
        Row("Appeal overturn rate (dollars)", Percent(k.OverturnRateByDollars));
        Row("Days from denial to appeal", Days(k.AverageDaysToAppeal));
        Row("Days from denial to resolution", Days(k.AverageDaysToResolution));
        Row("Deadlines missed", k.DeadlinesMissed.ToString("N0", CultureInfo.InvariantCulture));
        foreach (var bucket in k.OpenCasesByAge)
            Row($"Open, {bucket.Bucket} days", $"{bucket.Cases:N0} ({Money(bucket.DeniedAmount)})");
        return table;
    }


    private static string Percent(Kpi<double> kpi) => kpi.Value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : kpi.Missing!;

    private static string Days(Kpi<double> kpi) => kpi.Value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : kpi.Missing!;
}
