using Spectre.Console.Cli;

namespace Appeals.Cli.Reports;

public static class ReportCommands
{
    public static IConfigurator AddReportCommands(this IConfigurator config)
    {
        config.AddBranch("report", report =>
        {
            report.SetDescription("Denial analytics: KPIs and root-cause charts");
            report.AddCommand<ReportKpisCommand>("kpis")
                .WithDescription("Denial rate, avoidable share, recovery, overturn rate, days to appeal and resolve, aging")
                .WithExample("report", "kpis", "--from", "2026-01-01", "--to", "2026-06-30", "--json")
                .WithExample("report", "kpis", "--payer", "Northwind Health Plan");
            report.AddCommand<ReportPayersCommand>("payers")
                .WithDescription("Payer scorecard: denial rate, top root causes, overturn rate, days to resolve, underpayments, take-backs")
                .WithExample("report", "payers", "--json")
                .WithExample("report", "payers", "--from", "2026-01-01", "--to", "2026-06-30")
                .WithExample("report", "payers", "--payer", "Northwind Health Plan", "--by-month", "--json");
            report.AddCommand<ReportChartCommand>("chart")
                .WithDescription($"Draws a chart to a .png or .svg file: {string.Join(", ", Appeals.Analytics.Charts.ChartNames.All)}")
                .WithExample("report", "chart", "pareto", "--out", "pareto.png")
                .WithExample("report", "chart", "trend", "--out", "trend.svg", "--from", "2026-01-01");
        });
        return config;
    }
}
