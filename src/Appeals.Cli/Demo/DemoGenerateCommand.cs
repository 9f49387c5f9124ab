using System.ComponentModel;
using Appeals.Cli.Common;
using Appeals.Core.Demo;
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

    [CommandOption("--json")]
    [Description("Print one JSON object instead of a readable summary")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out DIR is required")
        : Claims <= 0 ? ValidationResult.Error("--claims must be positive")
        : ValidationResult.Success();
}

/// <summary>What `demo generate --json` prints.</summary>
public sealed record DemoGenerateResult(string Out, int Seed, int Claims, int Files, int Remittances, int Denials, int Recovered, decimal DeniedAmount);

/// <summary>`appeals demo generate --out DIR [--seed N] [--claims N]`: synthetic 835 files from Core/Demo.</summary>
public sealed class DemoGenerateCommand(IAnsiConsole console) : Command<DemoGenerateSettings>
{
    public override int Execute(CommandContext context, DemoGenerateSettings settings, CancellationToken cancellationToken)
    {
        var (data, files) = DemoFileWriter.GenerateInto(settings.Out, new DemoOptions(settings.Seed, settings.Claims));

        // The history CSV of past outcomes (DESIGN.md) is written here from data.Denials by the ml feature.

        var result = new DemoGenerateResult(Path.GetFullPath(settings.Out), settings.Seed, settings.Claims, files.Count,
            data.Remittances.Count, data.Denials.Count, data.Denials.Count(d => d.Recovered), data.Denials.Sum(d => d.DeniedAmount));
        if (settings.Json)
        {
            JsonOutput.Write(console, result);
            return 0;
        }
        console.MarkupLineInterpolated($"Wrote [bold]{files.Count}[/] 835 files ({result.Claims} claims, {result.Denials} denied, {result.Recovered} paid later) to {result.Out}");
        console.MarkupLineInterpolated($"Import them with: appeals import \"{result.Out}\"");
        return 0;
    }
}
