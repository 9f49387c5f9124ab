using System.ComponentModel;
using System.Globalization;
using Appeals.Cli.Common;
using Appeals.Core.Denials;
using Appeals.ML.Evaluation;
using Appeals.ML.History;
using Appeals.ML.Synthetic;
using Appeals.ML.Training;
using Appeals.Workflows.Jobs;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;
using static Appeals.Core.Formatting.MoneyFormat;

namespace Appeals.Cli.Ml;

internal sealed class EvaluateSettings : CliSettings
{
    [CommandOption("--history <FILE>"), Description("History CSV with outcomes; the newest 20 % is the test set.")]
    public required string History { get; init; }

    [CommandOption("--truth <FILE>"), Description("denial_id,true_probability from the synthetic generator: adds the oracle.")]
    public string? Truth { get; init; }

    [CommandOption("--seed <N>")] public int Seed { get; init; } = 42;

    [CommandOption("--outcome-lag-days <DAYS>"), Description("Days after the remit date before an outcome counts in history features (default: Models:OutcomeLagDays, else 0).")]
    public int? OutcomeLagDays { get; init; }
    [CommandOption("--json")] public bool Json { get; init; }
}

/// <summary>`appeals ml evaluate --history FILE [--truth FILE]`.</summary>
internal sealed class EvaluateCommand(IAnsiConsole console) : Command<EvaluateSettings>
{
    public override int Execute(CommandContext context, EvaluateSettings settings, CancellationToken ct)
    {
        using var services = settings.OpenServices(console);
        var lag = settings.OutcomeLagDays ?? services.Get<IOptions<ModelsOptions>>().Value.OutcomeLagDays;
        EvaluationReport report;
        try
        {
            var rows = HistoryCsv.Read(settings.History, requireOutcome: true);
            var truth = settings.Truth is null ? null : TruthCsv.Read(settings.Truth);
            report = HoldoutEvaluation.Run(rows, truth, new TrainingOptions { Seed = settings.Seed, OutcomeLagDays = lag },
                services.Get<CarcCatalog>(), services.Get<TimeProvider>(), Path.GetFileName(settings.History));
        }
        catch (Exception e) when (e is HistoryFormatException or IOException or FormatException or InvalidOperationException)
        {
            return MlOutput.Fail(console, e.Message);
        }

        if (settings.Json)
        {
            JsonOutput.Write(console, new
            {
                holdout = report.Holdout, baseRate = report.BaseRate, oracle = report.Oracle, topShares = report.TopShares,
                training = new { report.Model.RowsFit, report.Model.RowsCalibration, report.Model.TrainingFrom, report.Model.TrainingTo },
            }, ModelJson.Options);
            return 0;
        }
        var metrics = new List<(string, ClassifierMetrics)> { ("model", report.Holdout), ("per-CARC base rate", report.BaseRate) };
        if (report.Oracle is { } oracle) metrics.Add(("oracle (true p)", oracle));
        MetricsTable.Print(console, metrics);
        var table = new Table().AddColumns("top share by EV", "cases", "model", "FIFO", "largest-first", "oracle", "edge captured");
        foreach (var s in report.TopShares)
            table.AddRow(string.Create(CultureInfo.InvariantCulture, $"{s.Share * 100:F0}%"), s.Cases.ToString(CultureInfo.InvariantCulture), WholeDollars(s.Model),
                WholeDollars(s.Fifo), WholeDollars(s.LargestFirst), s.Oracle is { } o ? WholeDollars(o) : "n/a",
                s.EdgeCaptured?.ToString("F3", CultureInfo.InvariantCulture) ?? "n/a");
        console.Write(table);
        console.MarkupLine("edge captured = (model − largest-first) ÷ (oracle − largest-first), dollars actually recovered");
        return 0;
    }
}
