using System.ComponentModel;
using Appeals.Cli.Common;
using Appeals.Core.Demo;
using Appeals.ML.Synthetic;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Demo;

public sealed class DemoGenerateSettings : CommandSettings
{
    [CommandOption("--out <DIR>")]
    [Description("Folder to write the files into (created when missing)")]
    public string Out { get; init; } = "";

    [CommandOption("--seed <N>")]
    [Description("Seed: the same seed always gives the same files")]
    [DefaultValue(20260105)]
    public int Seed { get; init; } = 20260105;

    [CommandOption("--claims <N>")]
    [Description("Number of original claims (follow-up payments and reversals come on top)")]
    [DefaultValue(2000)]
    public int Claims { get; init; } = 2000;

    [CommandOption("--history-rows <N>")]
    [Description("Rows of past outcomes to write to history.csv (with their true recovery probability in history_truth.csv); 0 for none")]
    [DefaultValue(5000)]
    public int HistoryRows { get; init; } = 5000;

    [CommandOption("--json")]
    [Description("Print one JSON object instead of a readable summary")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out DIR is required")
        : Claims <= 0 ? ValidationResult.Error("--claims must be positive")
        : HistoryRows < 0 ? ValidationResult.Error("--history-rows cannot be negative")
        : ValidationResult.Success();
}

/// <summary>What `demo generate --json` prints.</summary>
public sealed record DemoGenerateResult(string Out, int Seed, int Claims, int Files, int Remittances, int Denials, int Recovered, decimal DeniedAmount, int HistoryRows);

/// <summary>`appeals demo generate --out DIR [--seed N] [--claims N]`: synthetic 835 files from Core/Demo.</summary>
public sealed class DemoGenerateCommand(IAnsiConsole console) : Command<DemoGenerateSettings>
{
    public override int Execute(CommandContext context, DemoGenerateSettings settings, CancellationToken cancellationToken)
    {
        var (data, files) = DemoFileWriter.GenerateInto(settings.Out, new DemoOptions(settings.Seed, settings.Claims));

        // Past outcomes for training, in the DESIGN.md history format; the truth file lets `ml evaluate` compute the oracle.
        if (settings.HistoryRows > 0)
        {
            SyntheticHistory.Write(Path.Combine(settings.Out, "history.csv"), Path.Combine(settings.Out, "history_truth.csv"),
                settings.HistoryRows, settings.Seed);
        }

        var result = new DemoGenerateResult(Path.GetFullPath(settings.Out), settings.Seed, settings.Claims, files.Count,
            data.Remittances.Count, data.Denials.Count, data.Denials.Count(d => d.Recovered), data.Denials.Sum(d => d.DeniedAmount), settings.HistoryRows);
        if (settings.Json)
        {
            JsonOutput.Write(console, result);
            return 0;
        }
        console.MarkupLineInterpolated($"Wrote [bold]{files.Count}[/] 835 files ({result.Claims} claims, {result.Denials} denied, {result.Recovered} paid later) to {result.Out}");
        if (result.HistoryRows > 0)
            console.MarkupLineInterpolated($"Wrote {result.HistoryRows} rows of past outcomes to history.csv (true probabilities in history_truth.csv)");
        console.MarkupLineInterpolated($"Wrote the demo payers' synthetic contracts to {DemoContracts.FileName}: load them first with appeals contracts import \"{Path.Combine(result.Out, DemoContracts.FileName)}\"");
        console.MarkupLineInterpolated($"Import them with: appeals import \"{result.Out}\"");
        return 0;
    }
}
