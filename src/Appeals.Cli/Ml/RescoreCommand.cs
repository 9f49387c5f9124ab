using System.ComponentModel;
using Appeals.Cli.Common;
using Appeals.Workflows.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Ml;

internal sealed class RescoreSettings : DatabaseSettings
{
    [CommandOption("--model <FILE>"), Description("Model file (default: newest in Models:Path, else the shipped one).")]
    public string? Model { get; init; }
}

/// <summary>`appeals ml rescore`: probability, expected recovery, reasons and priority of every open case, as the nightly job does it.</summary>
internal sealed class RescoreCommand(IAnsiConsole console) : AsyncCommand<RescoreSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RescoreSettings settings, CancellationToken ct)
    {
        if (settings.Model is { } m && !File.Exists(m)) return MlOutput.Fail(console, $"model {m} not found");
        await using var services = await settings.OpenDatabaseAsync(console, ct);
        // The nightly job's own rescoring (MlCaseRescoring): the CLI scores exactly as the jobs do.
        var result = await services.Get<MlCaseRescoring>().RescoreAsync(settings.Model, ct);
        if (settings.Json) JsonOutput.Write(console, new { rescored = result.Rescored, source = result.Source });
        else console.MarkupLine(Markup.Escape($"rescored {result.Rescored} open cases with {result.Source}"));
        return 0;
    }
}
