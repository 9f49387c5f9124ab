using System.Globalization;
using Appeals.ML.Evaluation;
using Appeals.ML.Training;
using Spectre.Console;

namespace Appeals.Cli.Ml;

internal static class MetricsTable
{
    public static void Print(IAnsiConsole console, ModelMetadata m, string path)
    {
        console.MarkupLine($"model [bold]{Markup.Escape(path)}[/] (version {m.Version}, seed {m.Seed})");
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"trained on {m.RowsFit} rows + {m.RowsCalibration} for calibration ({m.TrainingFrom:yyyy-MM-dd} to {m.TrainingTo:yyyy-MM-dd}); holdout {m.RowsHoldout} rows ({m.HoldoutFrom:yyyy-MM-dd} to {m.HoldoutTo:yyyy-MM-dd})")));
        Print(console, [("model", m.Holdout), ("per-CARC base rate", m.HoldoutBaseRate)]);
    }

    public static void Print(IAnsiConsole console, IEnumerable<(string Name, ClassifierMetrics Metrics)> rows)
    {
        var table = new Table().AddColumns("time-ordered holdout", "cases", "recovered", "AUC", "log-loss", "Brier", "calibration error (ECE)");
        foreach (var (name, x) in rows)
            table.AddRow(name, x.Cases.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"{x.PositiveRate * 100:F1}%"), F(x.Auc), F(x.LogLoss), F(x.Brier), F(x.ExpectedCalibrationError));
        console.Write(table);
    }

    private static string F(double v, string format = "F4") => double.IsNaN(v) ? "n/a" : v.ToString(format, CultureInfo.InvariantCulture);
}
