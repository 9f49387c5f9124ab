using System.ComponentModel;
using System.Globalization;
using Appeals.Core.Denials;
using Appeals.Core.Exports;
using Appeals.Cli.Common;
using Appeals.ML.History;
using Appeals.Workflows.Jobs;
using Microsoft.Extensions.Options;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Appeals.Cli.Ml;

internal sealed class ScoreSettings : CliSettings
{
    [CommandOption("--input <FILE>"), Description("CSV in the history format (outcome columns may be empty).")]
    public required string Input { get; init; }

    [CommandOption("--out <FILE>")] public required string Out { get; init; }

    [CommandOption("--model <FILE>"), Description("Model file (default: newest in Models:Path, else the shipped one).")]
    public string? Model { get; init; }

    [CommandOption("--explain"), Description("Add an explanation column: the facts that moved each score most.")]
    public bool Explain { get; init; }
}

/// <summary>`appeals ml score --input FILE --out FILE [--model FILE]`: one score for every input row, or an error.</summary>
internal sealed class ScoreCommand(IAnsiConsole console) : Command<ScoreSettings>
{
    public override int Execute(CommandContext context, ScoreSettings settings, CancellationToken ct)
    {
        List<HistoryRecord> rows;
        try { rows = HistoryCsv.Read(settings.Input, requireOutcome: false); }
        catch (HistoryFormatException e) { return MlOutput.Fail(console, e.Message); }
        catch (IOException e) { return MlOutput.Fail(console, e.Message); }
        if (settings.Model is { } m && !File.Exists(m)) return MlOutput.Fail(console, $"model {m} not found");

        using var services = settings.OpenServices(console);
        var scorer = services.Get<IOptions<ModelsOptions>>().Value.Store().OpenScorer(services.Get<CarcCatalog>(), settings.Model);
        using var writer = new StreamWriter(settings.Out, false, new System.Text.UTF8Encoding(false));
        using var csv = new SpreadsheetSafeCsvWriter(writer);
        csv.WriteField("denial_id"); csv.WriteField("recovery_probability"); csv.WriteField("expected_recovery");
        if (settings.Explain) { csv.WriteField("score_source"); csv.WriteField("explanation"); }
        csv.NextRecord();
        foreach (var chunk in rows.Chunk(settings.Explain ? 5_000 : 100_000))
        {
            var p = settings.Explain ? null : scorer.Probabilities(chunk);
            var scores = settings.Explain ? scorer.Score(chunk) : null;
            for (var i = 0; i < chunk.Length; i++)
            {
                var probability = p?[i] ?? scores![i].Probability;
                csv.WriteField(chunk[i].DenialId);
                csv.WriteField(probability.ToString("0.######", CultureInfo.InvariantCulture));
                csv.WriteField(Math.Round((decimal)probability * chunk[i].DeniedAmount, 2).ToString(CultureInfo.InvariantCulture));
                if (scores is not null) { csv.WriteField(scores[i].Source); csv.WriteField(scores[i].Explanation); }
                csv.NextRecord();
            }
        }
        console.MarkupLine(Markup.Escape($"scored {rows.Count} cases with {scorer.Source} into {settings.Out}"));
        return 0;
    }
}
