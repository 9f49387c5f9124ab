using System.ComponentModel;
using Appeals.Cli.Common;
using Appeals.Core.Denials;
using Appeals.ML.Scoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Appeals.Cli.Ml;

internal sealed class RescoreSettings : DatabaseSettings
{
    [CommandOption("--model <FILE>"), Description("Model file (default: newest in Models:Path, else the shipped one).")]
    public string? Model { get; init; }
}

/// <summary>`appeals ml rescore`: probability, expected recovery, reasons and priority of every open case.</summary>
internal sealed class RescoreCommand(IAnsiConsole console) : AsyncCommand<RescoreSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RescoreSettings settings, CancellationToken ct)
    {
        if (settings.Model is { } m && !File.Exists(m)) return MlEnvironment.Fail(console, $"model {m} not found");
        var scorer = MlEnvironment.Models.OpenScorer(CarcCatalog.Shipped, settings.Model);
        await using var db = await MlEnvironment.OpenDatabaseAsync(settings, ct);
        var count = await new CaseRescorer(db, scorer, TimeProvider.System).RescoreOpenCasesAsync(ct);
        if (settings.Json) JsonOutput.Write(console, new { rescored = count, source = scorer.Source });
        else console.MarkupLine(Markup.Escape($"rescored {count} open cases with {scorer.Source}"));
        return 0;
    }
}
